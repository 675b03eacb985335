import { createTRPCRouter } from "../trpc";

export const auditLogRouter = createTRPCRouter({});
