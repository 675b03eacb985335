import { createTRPCRouter } from "../trpc";

export const paymentRouter = createTRPCRouter({});
