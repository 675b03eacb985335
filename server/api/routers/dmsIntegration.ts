import { createTRPCRouter } from "../trpc";

export const dmsIntegrationRouter = createTRPCRouter({});
