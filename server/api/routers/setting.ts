import { createTRPCRouter } from "../trpc";

export const settingRouter = createTRPCRouter({});
