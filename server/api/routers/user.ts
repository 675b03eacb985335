import { createTRPCRouter } from "../trpc";

export const userRouter = createTRPCRouter({});
