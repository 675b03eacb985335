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

export const campaignSorts = ["updated", "name", "created", "bookingRate"] as const;

/** The entities the product writes audit rows for; the audit log's entity filter offers these. */
export const auditEntities = ["organization", "setting", "user", "tag", "agent", "api_key", "dms_integration", "campaign", "schedule_config", "service_record", "call", "booking", "inquiry", "kpi", "payment", "plan", "audit_log", "session"] as const;

/** The organization list's sort fields and status filter (/admin/organizations). */
export const organizationSortFields = ["name", "createdAt", "creditBalance"] as const;
export const organizationStatusFilters = ["all", "active", "suspended"] as const;

// Labels the list pages show (here, not in lib/validation: those modules bring zod to the browser).
export const campaignTypeLabels: Record<(typeof campaignTypes)[number], string> = {
  service_reminder: "Service reminder",
  recall: "Recall",
  declined_service: "Declined-service follow-up",
  appointment_confirmation: "Appointment confirmation",
  custom: "Custom",
};

/** The fields each DMS asks for, labelled the way its own documentation names them. */
export const dmsFieldLabels: Record<Exclude<(typeof dmsTypes)[number], "Other">, { dealerId: string; clientId: string | null; secret: string }> = {
  CDK: { dealerId: "Dealer id", clientId: "Subscription (client) id", secret: "Client secret" },
  Reynolds: { dealerId: "Store number", clientId: "Client id", secret: "API key" },
  Dealertrack: { dealerId: "Enterprise id", clientId: "Client id", secret: "Client secret" },
  Tekion: { dealerId: "Dealer id", clientId: "App id", secret: "Client secret" },
  PBS: { dealerId: "Serial number", clientId: null, secret: "API key" },
};
