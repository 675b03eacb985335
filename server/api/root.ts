import { createCallerFactory, createTRPCRouter } from "./trpc";
import { organizationRouter } from "./routers/organization";

export const appRouter = createTRPCRouter({
  organization: organizationRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
