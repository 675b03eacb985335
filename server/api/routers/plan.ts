import { createTRPCRouter } from "../trpc";

export const planRouter = createTRPCRouter({});
