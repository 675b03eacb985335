import { createTRPCRouter } from "../trpc";

export const agentRouter = createTRPCRouter({});
