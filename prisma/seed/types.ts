import type {
  bookingStatuses,
  callDirections,
  callOutcomes,
  callStatuses,
  campaignStatuses,
  campaignTypes,
  coreKpis,
  dmsTypes,
  inquiryStatuses,
  paymentMethods,
  paymentStatuses,
  serviceRecordStatuses,
} from "../../lib/value-sets";
import type { WeeklyWindows } from "./time";

export type CampaignStatus = (typeof campaignStatuses)[number];
export type CampaignType = (typeof campaignTypes)[number];
export type ServiceRecordStatus = (typeof serviceRecordStatuses)[number];
export type CallDirection = (typeof callDirections)[number];
export type CallStatus = (typeof callStatuses)[number];
export type CallOutcome = (typeof callOutcomes)[number];
export type BookingStatus = (typeof bookingStatuses)[number];
export type InquiryStatus = (typeof inquiryStatuses)[number];
export type PaymentStatus = (typeof paymentStatuses)[number];
export type PaymentMethod = (typeof paymentMethods)[number];
export type DmsType = (typeof dmsTypes)[number];
export type CoreKpiName = (typeof coreKpis)[number];

export type UserProfile = { email: string; name: string; role: "Admin" | "Manager"; isActive: boolean };

export type AgentProfile = {
  name: string;
  description: string;
  voice: string;
  isActive: boolean;
  handles: readonly CallDirection[];
  /** An inactive agent still placed the calls older than this. */
  retiredDaysAgo?: number;
};

export type ServiceOffer = {
  name: string;
  /** How the agent says it ("new brake pads and rotors"); derived from the name when absent. */
  spoken?: string;
  /** Spoken by the agent when a customer asks; null for recall work (no cost). */
  price: string | null;
  duration: string;
  /** Makes the service applies to; every make when absent. */
  makes?: readonly string[];
  /** Model years the service applies to (recalls, mileage milestones); every year when absent. */
  years?: readonly [number, number];
};

/** since / until: the first and last model years sold, when within the organization's range. */
export type VehicleModel = { make: string; model: string; since?: number; until?: number };

/** Day offsets are relative to today in the organization's time zone (negative = past). */
export type CampaignProfile = {
  name: string;
  description: string;
  type: CampaignType;
  status: CampaignStatus;
  services: readonly string[];
  makes?: readonly string[];
  startDay: number;
  endDay?: number;
  /** The last day calls went out, for paused campaigns. */
  lastCallDay?: number;
  /** Share of the organization's service records in this campaign. */
  share: number;
  concurrency: number;
  /** What the agent says after the introduction ("{vehicle}" and "{service}" are filled in). */
  pitch?: string;
};

export type InquiryProfile = {
  customerName: string;
  email: string;
  phone: string;
  message: string;
  status: InquiryStatus;
  daysAgo: number;
};

export type DmsProfile = { name: string; type: DmsType; dealerId: string; endpointUrl: string; syncIntervalMinutes: number; isActive: boolean };

export type PaymentProfile = { monthsAgo: number; dayShift: number; method: PaymentMethod; status: PaymentStatus };

export type KpiProfile = { name: string; description: string; targetValue: string };

export type OrganizationProfile = {
  seed: number;
  slug: string;
  name: string;
  email: string;
  phoneSales: string;
  phoneSupport: string;
  phoneService: string;
  description: string;
  location: string;
  planName: string;
  creditBalance: string;
  callConcurrencyLimit: number;
  hipaaCompliant: boolean;
  pciCompliant: boolean;
  serviceTypes: readonly string[];
  focusAreas: readonly string[];
  timezone: string;
  customerAreaCodes: readonly string[];
  businessHours: WeeklyWindows;
  callingWindows: WeeklyWindows;
  maxAttempts: number;
  retryDelayMinutes: number;
  agentGreeting: string;
  customSetting: { key: string; value: string };
  advisorName: string;
  amenity: string;
  users: readonly UserProfile[];
  agents: readonly AgentProfile[];
  campaigns: readonly CampaignProfile[];
  services: readonly ServiceOffer[];
  /** Services of records outside any campaign. */
  walkInServices: readonly string[];
  vehicles: readonly VehicleModel[];
  vehicleYears: readonly [number, number];
  recordCount: number;
  targetCallCount: number;
  tags: readonly string[];
  coreKpiTargets: Record<CoreKpiName, string>;
  customKpis: readonly KpiProfile[];
  inquiries: readonly InquiryProfile[];
  dmsIntegrations: readonly DmsProfile[];
  payments: readonly PaymentProfile[];
};
