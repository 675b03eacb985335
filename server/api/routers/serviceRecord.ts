import { createTRPCRouter } from "../trpc";

export const serviceRecordRouter = createTRPCRouter({});
