import { createTRPCRouter } from "../trpc";

export const scheduleConfigRouter = createTRPCRouter({});
