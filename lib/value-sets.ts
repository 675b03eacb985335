// The value sets of DESIGN.md ("Data rules"). Shown as selects, validated by zod.
export const roles = ["SuperAdmin", "Admin", "Manager"] as const;
export type Role = (typeof roles)[number];

export const campaignStatuses = ["Draft", "Scheduled", "Active", "Paused", "Completed", "Archived"] as const;
export const campaignTypes = ["service_reminder", "recall", "declined_service", "appointment_confirmation", "custom"] as const;
export const serviceRecordStatuses = ["Scheduled", "Contacted", "Booked", "Completed", "Declined", "NoShow", "Cancelled"] as const;
export const callDirections = ["outbound", "inbound"] as const;
export const callStatuses = ["queued", "ringing", "in_progress", "completed", "no_answer", "busy", "voicemail", "failed"] as const;
export const callOutcomes = ["booked", "callback", "not_interested", "wrong_number", "voicemail", "do_not_call", "other"] as const;
export const bookingStatuses = ["Pending", "Confirmed", "Completed", "Cancelled", "NoShow"] as const;
export const inquiryStatuses = ["New", "InProgress", "Resolved", "Closed"] as const;
export const paymentStatuses = ["pending", "succeeded", "failed", "refunded"] as const;
export const paymentMethods = ["card", "bank_transfer", "invoice", "manual"] as const;
export const dmsTypes = ["CDK", "Reynolds", "Dealertrack", "Tekion", "PBS", "Other"] as const;
export const auditActions = ["create", "update", "delete", "login", "login_fail", "act_start", "act_end", "export", "view"] as const;
export type AuditAction = (typeof auditActions)[number];
export const knownSettingKeys = ["timezone", "business_hours", "caller_id", "agent_greeting", "retry_policy"] as const;
export const coreKpis = ["connect_rate", "booking_rate", "show_rate", "avg_duration", "avg_rating", "calls_per_day", "cost_per_booking"] as const;

export const defaultTimezone = "America/New_York";
