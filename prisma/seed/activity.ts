// Plans one organization's customers, calls, transcripts and bookings in memory, so that the
// rows written afterwards tell consistent stories: attempts before a connected call, a booking
// for every booked call, a record status that follows from both.
import { buildConversation } from "./conversations";
import type { ConnectedOutcome, Slot, Turn } from "./conversations";
import { feedbackByRating, firstNames, lastNames, reviewNotes } from "./people";
import type { Random } from "./random";
import { addDays, addSeconds, calendarDayIn, clock, dayMs, hourMs, instantAt, isoDate, parseClock, spokenDate, spokenTime, weekdayOf } from "./time";
import type { CalendarDay, TimeWindow, WeeklyWindows } from "./time";
import type {
  AgentProfile,
  BookingStatus,
  CallDirection,
  CallOutcome,
  CallStatus,
  CampaignProfile,
  CampaignType,
  OrganizationProfile,
  ServiceOffer,
  ServiceRecordStatus,
  VehicleModel,
} from "./types";

export type PlannedTurn = Turn & { timestamp: Date };

export type PlannedCall = {
  externalId: string;
  direction: CallDirection;
  status: CallStatus;
  outcome: CallOutcome | null;
  startTime: Date;
  endTime: Date;
  durationSec: number;
  agentName: string;
  turns: PlannedTurn[];
  review: { reviewedAt: Date; reviewerEmail: string; notes: string | null } | null;
  hasAudio: boolean;
  tags: string[];
};

export type PlannedBooking = { callExternalId: string | null; scheduledTime: Date; status: BookingStatus; createdAt: Date; updatedAt: Date };

export type PlannedRecord = {
  customerName: string;
  customerPhone: string;
  vehicleInfo: string;
  serviceType: string;
  campaignName: string | null;
  status: ServiceRecordStatus;
  appointmentDate: Date | null;
  rating: number | null;
  feedback: string | null;
  doNotCall: boolean;
  createdAt: Date;
  updatedAt: Date;
  calls: PlannedCall[];
  bookings: PlannedBooking[];
};

export type PlannedCampaign = {
  profile: CampaignProfile;
  startDate: CalendarDay;
  endDate: CalendarDay | null;
  createdAt: Date;
  updatedAt: Date;
};

type Context = {
  profile: OrganizationProfile;
  random: Random;
  now: Date;
  today: CalendarDay;
  externalIds: Set<string>;
  confirmationCodes: Set<string>;
  campaignStarts: Map<string, Date>;
};

type Customer = {
  firstName: string;
  lastName: string;
  phone: string;
  vehicle: string;
  service: ServiceOffer;
  campaign: CampaignProfile | null;
};

type StoryOutcome = ConnectedOutcome | "unreachable";

type Story = {
  customer: Customer;
  mode: "outbound" | "inbound" | "offline";
  outcome: StoryOutcome | null;
  /** What a second connected call decided after a "callback" outcome. */
  followUp: ConnectedOutcome | null;
  failedAttempts: number;
};

type LocalMoment = { day: CalendarDay; minute: number; instant: Date };

const callableStatuses = new Set(["Active", "Paused", "Completed", "Archived"]);

const outcomeWeights: Record<CampaignType | "inbound", readonly (readonly [StoryOutcome, number])[]> = {
  service_reminder: [["booked", 38], ["callback", 15], ["not_interested", 16], ["other", 8], ["do_not_call", 3], ["wrong_number", 4], ["unreachable", 12]],
  recall: [["booked", 45], ["callback", 15], ["not_interested", 11], ["other", 7], ["do_not_call", 2], ["wrong_number", 4], ["unreachable", 12]],
  declined_service: [["booked", 30], ["callback", 15], ["not_interested", 24], ["other", 12], ["do_not_call", 3], ["wrong_number", 2], ["unreachable", 12]],
  appointment_confirmation: [["booked", 70], ["callback", 8], ["not_interested", 5], ["other", 5], ["unreachable", 12]],
  custom: [["booked", 30], ["callback", 15], ["not_interested", 25], ["other", 10], ["do_not_call", 3], ["wrong_number", 3], ["unreachable", 12]],
  inbound: [["booked", 55], ["other", 30], ["callback", 15]],
};

const failedStatusWeights = [["no_answer", 45], ["voicemail", 30], ["busy", 15], ["failed", 10]] as const;

const connectedDurationSec: Record<ConnectedOutcome, readonly [number, number]> = {
  booked: [150, 400],
  callback: [60, 180],
  not_interested: [60, 160],
  do_not_call: [60, 100],
  wrong_number: [60, 90],
  other: [90, 300],
};

const preferredTags: Record<ConnectedOutcome, readonly string[]> = {
  booked: ["Great call", "Loaner request", "Recall"],
  callback: ["Follow up"],
  not_interested: ["Follow up", "Recall"],
  do_not_call: ["Angry customer", "Escalate"],
  wrong_number: ["Follow up"],
  other: ["Pricing question", "Escalate", "Follow up", "Parts on order"],
};

// ---------------------------------------------------------------- calendar helpers

function dayFromToday(context: Context, offset: number): CalendarDay {
  return addDays(context.today, offset);
}

/** Moves a day (earlier or later) until the weekly windows have hours on it. */
function openDay(day: CalendarDay, windows: WeeklyWindows, step: -1 | 1): CalendarDay {
  let candidate = day;
  for (let tries = 0; tries < 7 && windows[weekdayOf(candidate)].length === 0; tries++) candidate = addDays(candidate, step);
  return candidate;
}

function openMinutes(windows: readonly TimeWindow[]): number {
  return windows.reduce((sum, window) => sum + parseClock(window.end) - parseClock(window.start), 0);
}

/**
 * A day in [toDaysAgo, fromDaysAgo] days ago, drawn in proportion to its open hours (a short
 * Saturday gets fewer calls, a closed Sunday none) rather than piling closed days onto their neighbours.
 */
function randomOpenDay(context: Context, fromDaysAgo: number, toDaysAgo: number, windows: WeeklyWindows): CalendarDay {
  const longest = Math.max(...Object.values(windows).map(openMinutes));
  for (let tries = 0; tries < 50; tries++) {
    const day = dayFromToday(context, -context.random.int(toDaysAgo, fromDaysAgo));
    if (context.random.next() * longest < openMinutes(windows[weekdayOf(day)])) return day;
  }
  return openDay(dayFromToday(context, -toDaysAgo), windows, -1);
}

/** The next open day on or after the given one, as long as that is before today; else the previous open day. */
function nextOpenDayBeforeToday(context: Context, day: CalendarDay, windows: WeeklyWindows): CalendarDay {
  const yesterday = addDays(context.today, -1);
  const target = isoDate(day) < isoDate(context.today) ? day : yesterday;
  const later = openDay(target, windows, 1);
  return isoDate(later) < isoDate(context.today) ? later : openDay(target, windows, -1);
}

function randomMinuteIn(windows: readonly TimeWindow[], random: Random): number {
  const ranges = windows.map((window) => [parseClock(window.start), parseClock(window.end)] as const);
  const [start, end] = random.weighted(ranges.map((range) => [range, range[1] - range[0]] as const));
  return random.int(start, end - 10);
}

function momentOn(context: Context, day: CalendarDay, windows: WeeklyWindows): LocalMoment {
  const minute = randomMinuteIn(windows[weekdayOf(day)], context.random);
  const instant = addSeconds(instantAt(day, minute, context.profile.timezone), context.random.int(0, 59));
  return { day, minute, instant };
}

function daysAgo(context: Context, instant: Date): number {
  return (context.now.getTime() - instant.getTime()) / dayMs;
}

function partOfDay(minute: number): "morning" | "afternoon" | "evening" {
  if (minute < 12 * 60) return "morning";
  return minute < 17 * 60 ? "afternoon" : "evening";
}

function slotOf(day: CalendarDay, minute: number): Slot {
  return { date: isoDate(day), spokenDay: spokenDate(day), time: clock(minute), spokenTime: spokenTime(minute) };
}

/** Half-hour appointment starts that leave at least 90 minutes before closing. */
function appointmentStarts(windows: readonly TimeWindow[]): number[] {
  const starts: number[] = [];
  for (const window of windows) {
    for (let minute = Math.ceil(parseClock(window.start) / 30) * 30; minute <= parseClock(window.end) - 90; minute += 30) starts.push(minute);
  }
  return starts;
}

type Appointment = { slot: Slot; instant: Date; otherTimes: string[] };

function appointmentAfter(context: Context, day: CalendarDay, minDays: number, maxDays: number): Appointment {
  const { random, profile } = context;
  const openDays: CalendarDay[] = [];
  for (let offset = minDays; offset <= maxDays || openDays.length === 0; offset++) {
    const candidate = addDays(day, offset);
    if (profile.businessHours[weekdayOf(candidate)].length > 0) openDays.push(candidate);
  }
  const appointmentDay = random.pick(openDays);
  const starts = appointmentStarts(profile.businessHours[weekdayOf(appointmentDay)]);
  const [chosen = 9 * 60, ...others] = random.sample(starts, 3);
  return {
    slot: slotOf(appointmentDay, chosen),
    instant: instantAt(appointmentDay, chosen, profile.timezone),
    otherTimes: others.map(clock),
  };
}

// ---------------------------------------------------------------- campaigns

export function planCampaigns(context: Context): PlannedCampaign[] {
  const { random, profile, now } = context;
  return profile.campaigns.map((campaign) => {
    const startDate = dayFromToday(context, campaign.startDay);
    const endDate = campaign.endDay === undefined ? null : dayFromToday(context, campaign.endDay);
    const createdDay = campaign.status === "Draft" ? dayFromToday(context, -random.int(1, 6)) : dayFromToday(context, Math.min(campaign.startDay, 0) - random.int(3, 10));
    const createdAt = instantAt(createdDay, random.int(9 * 60, 16 * 60), profile.timezone);
    const changedAt = {
      Draft: createdAt,
      Scheduled: new Date(createdAt.getTime() + dayMs),
      Active: instantAt(startDate, 8 * 60, profile.timezone),
      Paused: instantAt(dayFromToday(context, campaign.lastCallDay ?? -1), 17 * 60 + 30, profile.timezone),
      Completed: instantAt(endDate ?? context.today, 18 * 60, profile.timezone),
      Archived: instantAt(addDays(endDate ?? context.today, 5), 10 * 60, profile.timezone),
    }[campaign.status];
    const updatedAt = new Date(Math.min(Math.max(changedAt.getTime(), createdAt.getTime()), now.getTime()));
    context.campaignStarts.set(campaign.name, instantAt(startDate, 0, profile.timezone));
    return { profile: campaign, startDate, endDate, createdAt, updatedAt };
  });
}

// ---------------------------------------------------------------- customers and stories

function draftCustomers(context: Context): Customer[] {
  const { random, profile } = context;
  const assignments: (CampaignProfile | null)[] = [];
  for (const campaign of profile.campaigns) {
    for (let index = 0; index < Math.round(campaign.share * profile.recordCount); index++) assignments.push(campaign);
  }
  while (assignments.length < profile.recordCount) assignments.push(null);

  const names = new Set<string>();
  const phones = new Set<string>();
  return random.shuffle(assignments.slice(0, profile.recordCount)).map((campaign) => {
    let firstName: string;
    let lastName: string;
    do {
      firstName = random.pick(firstNames);
      lastName = random.pick(lastNames);
    } while (names.has(`${firstName} ${lastName}`));
    names.add(`${firstName} ${lastName}`);

    let phone: string;
    do phone = `+1${random.pick(profile.customerAreaCodes)}555${random.int(200, 9999).toString().padStart(4, "0")}`;
    while (phones.has(phone));
    phones.add(phone);

    const { vehicle, service } = vehicleAndService(context, campaign);
    return { firstName, lastName, phone, vehicle, service, campaign };
  });
}

type YearRange = readonly [number, number];

/** The model years a service applies to on that model, or null when they do not overlap. */
function modelYears(context: Context, vehicle: VehicleModel, service: ServiceOffer): YearRange | null {
  const [oldest, newest] = context.profile.vehicleYears;
  const from = Math.max(oldest, vehicle.since ?? oldest, service.years?.[0] ?? oldest);
  const to = Math.min(newest, vehicle.until ?? newest, service.years?.[1] ?? newest);
  return from <= to ? [from, to] : null;
}

/** A vehicle of the campaign's makes, a service of the campaign that fits it, and a model year that fits both. */
function vehicleAndService(context: Context, campaign: CampaignProfile | null): { vehicle: string; service: ServiceOffer } {
  const { random, profile } = context;
  const names = campaign?.services ?? profile.walkInServices;
  const vehicles = profile.vehicles.filter((vehicle) => !campaign?.makes || campaign.makes.includes(vehicle.make));
  for (let tries = 0; tries < 50; tries++) {
    const vehicle = random.pick(vehicles);
    const fits = profile.services.flatMap((service) => {
      if (!names.includes(service.name) || (service.makes && !service.makes.includes(vehicle.make))) return [];
      const years = modelYears(context, vehicle, service);
      return years ? [{ service, years }] : [];
    });
    if (fits.length === 0) continue;
    const { service, years } = random.pick(fits);
    return { vehicle: `${random.int(years[0], years[1])} ${vehicle.make} ${vehicle.model}`, service };
  }
  throw new Error(`No service of campaign "${campaign?.name ?? "(none)"}" fits its vehicles`);
}

function tellStory(context: Context, customer: Customer): Story {
  const { random } = context;
  const campaign = customer.campaign;
  if (campaign && callableStatuses.has(campaign.status)) {
    const outcome = random.weighted(outcomeWeights[campaign.type]);
    const followUp =
      outcome === "callback" && random.chance(0.6)
        ? random.weighted([["booked", 60], ["not_interested", 25], ["other", 15]] as const)
        : null;
    return { customer, mode: "outbound", outcome, followUp, failedAttempts: outcome === "unreachable" ? 1 : 0 };
  }
  if (!campaign && random.chance(0.5)) {
    const outcome = random.weighted(outcomeWeights.inbound);
    return { customer, mode: "inbound", outcome, followUp: null, failedAttempts: 0 };
  }
  return { customer, mode: "offline", outcome: null, followUp: null, failedAttempts: 0 };
}

function callCount(story: Story): number {
  const connected = story.outcome && story.outcome !== "unreachable" ? 1 : 0;
  return story.failedAttempts + connected + (story.followUp ? 1 : 0);
}

/** Adds unanswered attempts before the connected calls until the organization's call volume is reached. */
function addFailedAttempts(context: Context, stories: Story[]): void {
  const { random, profile } = context;
  let total = stories.reduce((sum, story) => sum + callCount(story), 0);
  const room = (story: Story) => profile.maxAttempts - (story.outcome === "unreachable" ? 0 : 1) - story.failedAttempts;
  let candidates = stories.filter((story) => story.mode === "outbound" && room(story) > 0);
  while (total < profile.targetCallCount && candidates.length > 0) {
    const story = random.pick(candidates);
    story.failedAttempts += 1;
    total += 1;
    if (room(story) <= 0) candidates = candidates.filter((candidate) => candidate !== story);
  }
}

// ---------------------------------------------------------------- calls

function pickAgent(context: Context, direction: CallDirection, startTime: Date): string {
  const { random, profile } = context;
  const age = daysAgo(context, startTime);
  const able = (agent: AgentProfile) => agent.handles.includes(direction);
  const retired = profile.agents.filter((agent) => able(agent) && !agent.isActive && age > (agent.retiredDaysAgo ?? Infinity));
  if (retired.length > 0 && random.chance(0.6)) return random.pick(retired).name;
  const active = profile.agents.filter((agent) => able(agent) && agent.isActive);
  // Agents that also take inbound calls place fewer outbound ones.
  const weighted = active.map((agent) => [agent, direction === "outbound" && agent.handles.includes("inbound") && active.length > 1 ? 1 : 3] as const);
  return random.weighted(weighted).name;
}

function newExternalId(context: Context): string {
  let id: string;
  do id = `eng_${context.random.token(20)}`;
  while (context.externalIds.has(id));
  context.externalIds.add(id);
  return id;
}

function newConfirmationCode(context: Context): string {
  const prefix = context.profile.slug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  let code: string;
  do code = `${prefix}-${context.random.int(10000, 99999)}`;
  while (context.confirmationCodes.has(code));
  context.confirmationCodes.add(code);
  return code;
}

function failedCall(context: Context, moment: LocalMoment): PlannedCall {
  const { random } = context;
  const status = random.weighted(failedStatusWeights);
  const durationSec = { no_answer: random.int(20, 40), voicemail: random.int(18, 40), busy: random.int(0, 4), failed: 0 }[status];
  return {
    externalId: newExternalId(context),
    direction: "outbound",
    status,
    outcome: status === "voicemail" ? "voicemail" : null,
    startTime: moment.instant,
    endTime: addSeconds(moment.instant, durationSec),
    durationSec,
    agentName: pickAgent(context, "outbound", moment.instant),
    turns: [],
    review: null,
    hasAudio: false,
    tags: [],
  };
}

/** Spreads the turns over the call, in proportion to how long each takes to say. */
function timeTurns(turns: readonly Turn[], start: Date, durationSec: number): PlannedTurn[] {
  const weights = turns.map((turn) => (turn.role === "Tool" ? 8 : 20 + turn.content.length));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const spanMs = (durationSec - 2) * 1000;
  let elapsed = 0;
  return turns.map((turn, index) => {
    const timestamp = new Date(start.getTime() + 1000 + Math.round((spanMs * elapsed) / total));
    elapsed += weights[index] ?? 0;
    return { ...turn, timestamp };
  });
}

type ConnectedCallInput = {
  customer: Customer;
  direction: CallDirection;
  outcome: ConnectedOutcome;
  moment: LocalMoment;
  appointment: Appointment | null;
  callback: Slot | null;
};

function connectedCall(context: Context, input: ConnectedCallInput): PlannedCall {
  const { random, profile } = context;
  const { customer, direction, outcome, moment } = input;
  const agentName = pickAgent(context, direction, moment.instant);
  const [shortest, longest] = connectedDurationSec[outcome];
  const durationSec = Math.min(420, random.int(shortest, longest) + (direction === "inbound" ? 30 : 0));
  const turns = buildConversation(
    {
      organizationName: profile.name,
      agentName,
      advisorName: profile.advisorName,
      amenity: profile.amenity,
      customerFirstName: customer.firstName,
      customerLastName: customer.lastName,
      customerPhone: customer.phone,
      vehicle: customer.vehicle,
      service: customer.service,
      campaignType: customer.campaign?.type ?? null,
      campaignPitch: customer.campaign?.pitch ?? null,
      direction,
      outcome,
      partOfDay: partOfDay(moment.minute),
      appointment: input.appointment?.slot ?? null,
      otherSlotTimes: input.appointment?.otherTimes ?? [],
      callback: input.callback,
      confirmationCode: newConfirmationCode(context),
    },
    random,
  );
  return {
    externalId: newExternalId(context),
    direction,
    status: "completed",
    outcome,
    startTime: moment.instant,
    endTime: addSeconds(moment.instant, durationSec),
    durationSec,
    agentName,
    turns: timeTurns(turns, moment.instant, durationSec),
    review: null,
    hasAudio: random.chance(0.4),
    tags: [],
  };
}

function reviewCall(context: Context, call: PlannedCall): PlannedCall["review"] {
  const { random, profile, now } = context;
  if (!random.chance(call.status === "completed" ? 0.45 : 0.2)) return null;
  let reviewedAt = new Date(call.endTime.getTime() + random.int(1, 72) * hourMs + random.int(0, 59) * 60_000);
  if (reviewedAt.getTime() > now.getTime() - 5 * 60_000) reviewedAt = new Date(now.getTime() - random.int(5, 120) * 60_000);
  if (reviewedAt <= call.endTime) return null;
  const managers = profile.users.filter((user) => user.role === "Manager");
  const former = managers.find((user) => !user.isActive);
  const current = managers.find((user) => user.isActive) ?? profile.users[0];
  const reviewer = former && daysAgo(context, call.startTime) > 35 && random.chance(0.6) ? former : random.chance(0.2) ? profile.users[0] : current;
  return { reviewedAt, reviewerEmail: reviewer?.email ?? "", notes: random.chance(0.4) ? random.pick(reviewNotes) : null };
}

function tagCall(context: Context, call: PlannedCall): string[] {
  const { random, profile } = context;
  if (call.status !== "completed" || !call.outcome || call.outcome === "voicemail" || !random.chance(0.2)) return [];
  const preferred = preferredTags[call.outcome].filter((tag) => profile.tags.includes(tag));
  const first = preferred.length > 0 && random.chance(0.7) ? random.pick(preferred) : random.pick(profile.tags);
  if (!random.chance(0.35)) return [first];
  return [first, random.pick(profile.tags.filter((tag) => tag !== first))];
}

// ---------------------------------------------------------------- records

function rateVisit(random: Random): { rating: number; feedback: string | null } | null {
  if (!random.chance(0.85)) return null;
  const rating = random.weighted([[5, 45], [4, 30], [3, 13], [2, 7], [1, 5]] as const);
  return { rating, feedback: random.chance(0.8) ? random.pick(feedbackByRating[rating] ?? []) : null };
}

function bookingStatusFor(context: Context, scheduled: Date): BookingStatus {
  if (scheduled > context.now) return context.random.weighted([["Confirmed", 65], ["Pending", 35]] as const);
  return context.random.weighted([["Completed", 72], ["NoShow", 14], ["Cancelled", 5], ["Confirmed", 9]] as const);
}

const recordStatusForBooking: Record<BookingStatus, ServiceRecordStatus> = {
  Pending: "Booked",
  Confirmed: "Booked",
  Completed: "Completed",
  NoShow: "NoShow",
  Cancelled: "Cancelled",
};

function newRecord(customer: Customer): PlannedRecord {
  return {
    customerName: `${customer.firstName} ${customer.lastName}`,
    customerPhone: customer.phone,
    vehicleInfo: customer.vehicle,
    serviceType: customer.service.name,
    campaignName: customer.campaign?.name ?? null,
    status: "Scheduled",
    appointmentDate: null,
    rating: null,
    feedback: null,
    doNotCall: false,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    calls: [],
    bookings: [],
  };
}

function addBooking(context: Context, record: PlannedRecord, appointment: Appointment, call: PlannedCall | null, createdAt: Date): void {
  const status = bookingStatusFor(context, appointment.instant);
  const settled = status !== "Pending" && status !== "Confirmed";
  const updatedAt = settled ? new Date(Math.min(appointment.instant.getTime() + 3 * hourMs, context.now.getTime())) : createdAt;
  record.bookings.push({ callExternalId: call?.externalId ?? null, scheduledTime: appointment.instant, status, createdAt, updatedAt });
  record.appointmentDate = appointment.instant;
  record.status = recordStatusForBooking[status];
  if (status === "Completed") {
    const visit = rateVisit(context.random);
    record.rating = visit?.rating ?? null;
    record.feedback = visit?.feedback ?? null;
  }
}

/** The record status a connected call leaves behind when it did not book. */
function settleWithoutBooking(record: PlannedRecord, outcome: StoryOutcome, calls: readonly PlannedCall[], confirmation: boolean): void {
  if (outcome === "do_not_call") record.doNotCall = true;
  if (confirmation) {
    record.status = outcome === "not_interested" || outcome === "do_not_call" ? "Cancelled" : "Booked";
    return;
  }
  const statusByOutcome: Record<StoryOutcome, ServiceRecordStatus> = {
    booked: "Booked",
    callback: "Contacted",
    not_interested: "Declined",
    do_not_call: "Declined",
    wrong_number: "Contacted",
    other: "Contacted",
    unreachable: calls.some((call) => call.status === "voicemail") ? "Contacted" : "Scheduled",
  };
  record.status = statusByOutcome[outcome];
}

/** Days (ago) on which the story's calls fall inside the campaign's calling period. */
function callingPeriod(campaign: CampaignProfile): { fromDaysAgo: number; toDaysAgo: number } {
  const lastDay = campaign.lastCallDay ?? Math.min(campaign.endDay ?? 0, 0);
  return { fromDaysAgo: Math.min(60, -campaign.startDay), toDaysAgo: Math.max(1, -lastDay) };
}

function planOutboundStory(context: Context, story: Story): PlannedRecord {
  const { random, profile } = context;
  const customer = story.customer;
  const campaign = customer.campaign;
  const outcome = story.outcome;
  if (!campaign || !outcome) throw new Error("An outbound story needs a campaign and an outcome");
  const record = newRecord(customer);
  const roles: ("failed" | "connected" | "followUp")[] = [
    ...Array.from({ length: story.failedAttempts }, () => "failed" as const),
    ...(outcome === "unreachable" ? [] : ["connected" as const]),
    ...(story.followUp ? ["followUp" as const] : []),
  ];
  const followUpDirection: CallDirection = random.chance(0.5) ? "inbound" : "outbound";
  const gaps = roles.slice(1).map((role) => (role === "followUp" ? random.int(2, 6) : random.int(1, 3)));
  const span = gaps.reduce((sum, gap) => sum + gap, 0);
  const period = callingPeriod(campaign);
  const windowsOf = (role: (typeof roles)[number]) => (role === "followUp" && followUpDirection === "inbound" ? profile.businessHours : profile.callingWindows);
  const firstRole = roles[0] ?? "failed";
  let day = randomOpenDay(context, period.fromDaysAgo, Math.min(period.toDaysAgo + span, period.fromDaysAgo), windowsOf(firstRole));
  const moments = roles.map((role, index) => {
    // Retries and follow-ups land on the next open day after their gap.
    if (index > 0) day = nextOpenDayBeforeToday(context, addDays(day, gaps[index - 1] ?? 1), windowsOf(role));
    return momentOn(context, day, windowsOf(role));
  });
  moments.sort((first, second) => first.instant.getTime() - second.instant.getTime());

  const confirmation = campaign.type === "appointment_confirmation";
  const lastMoment = moments[moments.length - 1] ?? moments[0];
  if (!lastMoment) throw new Error("A story without calls");
  // The appointment an appointment_confirmation call is about already exists before the call.
  const existingAppointment = confirmation ? appointmentAfter(context, lastMoment.day, 1, 3) : null;

  const calls: PlannedCall[] = [];
  roles.forEach((role, index) => {
    const moment = moments[index] ?? lastMoment;
    if (role === "failed") {
      calls.push(failedCall(context, moment));
      return;
    }
    const callOutcome = role === "followUp" ? (story.followUp ?? "other") : (outcome as ConnectedOutcome);
    const appointment = callOutcome === "booked" ? (existingAppointment ?? appointmentAfter(context, moment.day, 1, 8)) : existingAppointment;
    const followUpMoment = role === "connected" && story.followUp ? moments[index + 1] : undefined;
    const callbackDay = followUpMoment?.day ?? openDay(addDays(moment.day, random.int(2, 5)), profile.callingWindows, 1);
    const call = connectedCall(context, {
      customer,
      direction: role === "followUp" ? followUpDirection : "outbound",
      outcome: callOutcome,
      moment,
      appointment,
      callback: callOutcome === "callback" ? slotOf(callbackDay, 14 * 60) : null,
    });
    calls.push(call);
    if (callOutcome === "booked" && appointment) addBooking(context, record, appointment, call, call.endTime);
  });

  const finalOutcome = story.followUp ?? outcome;
  if (finalOutcome !== "booked") {
    settleWithoutBooking(record, finalOutcome, calls, confirmation);
    if (existingAppointment) record.appointmentDate = existingAppointment.instant;
  }
  record.calls = calls;
  return record;
}

function planInboundStory(context: Context, story: Story): PlannedRecord {
  const { random, profile } = context;
  const record = newRecord(story.customer);
  const outcome = (story.outcome ?? "other") as ConnectedOutcome;
  const day = randomOpenDay(context, 60, 1, profile.businessHours);
  const moment = momentOn(context, day, profile.businessHours);
  const appointment = outcome === "booked" ? appointmentAfter(context, day, 1, 8) : null;
  const callback = outcome === "callback" ? slotOf(openDay(addDays(day, random.int(2, 5)), profile.callingWindows, 1), 14 * 60) : null;
  const call = connectedCall(context, { customer: story.customer, direction: "inbound", outcome, moment, appointment, callback });
  record.calls = [call];
  if (appointment) addBooking(context, record, appointment, call, call.endTime);
  else settleWithoutBooking(record, outcome, record.calls, false);
  return record;
}

/** Records nobody has called yet: not yet in a running campaign, or handled at the front desk. */
function planOfflineStory(context: Context, story: Story, bookingsWithoutCall: { left: number }): PlannedRecord {
  const { random, profile } = context;
  const record = newRecord(story.customer);
  if (story.customer.campaign) {
    record.doNotCall = random.chance(0.04);
    return record;
  }
  if (bookingsWithoutCall.left > 0) {
    bookingsWithoutCall.left -= 1;
    const fromDay = dayFromToday(context, bookingsWithoutCall.left % 2 === 0 ? -random.int(10, 40) : -random.int(0, 3));
    const appointment = appointmentAfter(context, fromDay, 1, 8);
    const createdAt = instantAt(fromDay, random.int(8 * 60, 16 * 60), profile.timezone);
    addBooking(context, record, appointment, null, new Date(Math.min(createdAt.getTime(), context.now.getTime())));
    return record;
  }
  const roll = random.next();
  if (roll < 0.5) {
    const visitDay = randomOpenDay(context, 90, 5, profile.businessHours);
    record.status = "Completed";
    record.appointmentDate = instantAt(visitDay, random.pick(appointmentStarts(profile.businessHours[weekdayOf(visitDay)])), profile.timezone);
    const visit = rateVisit(random);
    record.rating = visit?.rating ?? null;
    record.feedback = visit?.feedback ?? null;
  } else if (roll > 0.9) {
    record.status = "Cancelled";
  }
  return record;
}

/** createdAt before anything happened to the record, updatedAt at its last change. */
function stampRecord(context: Context, record: PlannedRecord): void {
  const { random, now } = context;
  const campaignStart = record.campaignName ? context.campaignStarts.get(record.campaignName) : undefined;
  const defaultCreated = campaignStart
    ? new Date(Math.min(campaignStart.getTime(), now.getTime()) - random.int(1, 6) * dayMs - random.int(0, 8) * hourMs)
    : new Date(now.getTime() - random.int(3, 90) * dayMs - random.int(0, 8) * hourMs);
  const events = [
    ...record.calls.map((call) => call.startTime.getTime()),
    ...record.bookings.map((booking) => booking.createdAt.getTime()),
    ...(record.appointmentDate ? [record.appointmentDate.getTime()] : []),
  ];
  const earliest = Math.min(...events, defaultCreated.getTime() + dayMs);
  record.createdAt = new Date(Math.min(defaultCreated.getTime(), earliest - dayMs));
  const latest = Math.max(
    record.createdAt.getTime(),
    ...record.calls.map((call) => call.endTime.getTime()),
    ...record.bookings.map((booking) => booking.updatedAt.getTime()),
  );
  record.updatedAt = new Date(Math.min(latest, now.getTime()));
}

export function createPlanContext(profile: OrganizationProfile, random: Random, now: Date): Context {
  return {
    profile,
    random,
    now,
    today: calendarDayIn(now, profile.timezone),
    externalIds: new Set(),
    confirmationCodes: new Set(),
    campaignStarts: new Map(),
  };
}

/** Service records with their calls (transcripts, reviews, tags) and bookings. Run after planCampaigns. */
export function planRecords(context: Context): PlannedRecord[] {
  const stories = draftCustomers(context).map((customer) => tellStory(context, customer));
  addFailedAttempts(context, stories);
  const bookingsWithoutCall = { left: 5 };
  const records = stories.map((story) => {
    if (story.mode === "outbound") return planOutboundStory(context, story);
    if (story.mode === "inbound") return planInboundStory(context, story);
    return planOfflineStory(context, story, bookingsWithoutCall);
  });
  for (const record of records) {
    stampRecord(context, record);
    for (const call of record.calls) {
      call.review = reviewCall(context, call);
      call.tags = tagCall(context, call);
    }
  }
  return records;
}
