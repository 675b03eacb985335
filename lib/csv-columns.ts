// The CSV import and export columns and limits (apart from lib/validation/service-record.ts: the import page needs them in the browser without zod).

export const csvColumns = ["customer_name", "customer_phone", "vehicle_info", "service_type", "status", "appointment_date", "rating", "do_not_call", "feedback", "campaign"] as const;
export type CsvColumn = (typeof csvColumns)[number];
export const csvColumnLabels: Record<CsvColumn, string> = {
  customer_name: "Customer name",
  customer_phone: "Phone",
  vehicle_info: "Vehicle",
  service_type: "Service type",
  status: "Status",
  appointment_date: "Appointment date",
  rating: "Rating",
  do_not_call: "Do not call",
  feedback: "Feedback",
  campaign: "Campaign (name)",
};

export const maxImportRows = 50_000;
/** 50,000 rows of the export's columns take about 6 MB. */
export const maxImportBytes = 10_000_000;
export const maxImportSize = `${maxImportBytes / 1_000_000} MB`;
