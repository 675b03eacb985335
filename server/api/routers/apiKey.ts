import { createTRPCRouter } from "../trpc";

export const apiKeyRouter = createTRPCRouter({});
