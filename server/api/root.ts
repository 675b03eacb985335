import { createCallerFactory, createTRPCRouter } from "./trpc";
import { agentRouter } from "./routers/agent";
import { apiKeyRouter } from "./routers/apiKey";
import { auditLogRouter } from "./routers/auditLog";
import { bookingRouter } from "./routers/booking";
import { callRouter } from "./routers/call";
import { campaignRouter } from "./routers/campaign";
import { dashboardRouter } from "./routers/dashboard";
import { dmsIntegrationRouter } from "./routers/dmsIntegration";
import { inquiryRouter } from "./routers/inquiry";
import { kpiRouter } from "./routers/kpi";
import { organizationRouter } from "./routers/organization";
import { paymentRouter } from "./routers/payment";
import { planRouter } from "./routers/plan";
import { scheduleConfigRouter } from "./routers/scheduleConfig";
import { serviceRecordRouter } from "./routers/serviceRecord";
import { settingRouter } from "./routers/setting";
import { tagRouter } from "./routers/tag";
import { userRouter } from "./routers/user";

// One sub-router per domain (DESIGN.md). Each file under routers/ owns its procedures.
export const appRouter = createTRPCRouter({
  organization: organizationRouter,
  plan: planRouter,
  payment: paymentRouter,
  user: userRouter,
  agent: agentRouter,
  apiKey: apiKeyRouter,
  auditLog: auditLogRouter,
  dmsIntegration: dmsIntegrationRouter,
  setting: settingRouter,
  tag: tagRouter,
  campaign: campaignRouter,
  scheduleConfig: scheduleConfigRouter,
  serviceRecord: serviceRecordRouter,
  booking: bookingRouter,
  inquiry: inquiryRouter,
  // tRPC reserves `call` (with `then` and `apply`) as a router key, so the call domain is `calls.*`.
  calls: callRouter,
  dashboard: dashboardRouter,
  kpi: kpiRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
