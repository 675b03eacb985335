import { createTRPCRouter } from "../trpc";

export const inquiryRouter = createTRPCRouter({});
