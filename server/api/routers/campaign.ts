import { createTRPCRouter } from "../trpc";

export const campaignRouter = createTRPCRouter({});
