import { createTRPCRouter } from "../trpc";

export const bookingRouter = createTRPCRouter({});
