import { createTRPCRouter } from "../trpc";

export const tagRouter = createTRPCRouter({});
