import { createTRPCRouter } from "../trpc";

export const callRouter = createTRPCRouter({});
