// Transcript templates: a call is an opening, the reason for the call, what the customer wants
// (the outcome) and a close. Variable slots keep two calls from reading the same.
import type { Random } from "./random";
import type { CallDirection, CampaignType, ServiceOffer } from "./types";

export type TurnRole = "User" | "Assistant" | "Tool";
export type Turn = { role: TurnRole; content: string };
export type ConnectedOutcome = "booked" | "callback" | "not_interested" | "wrong_number" | "do_not_call" | "other";

export type Slot = { date: string; spokenDay: string; time: string; spokenTime: string };

export type ConversationInput = {
  organizationName: string;
  agentName: string;
  advisorName: string;
  amenity: string;
  customerFirstName: string;
  customerLastName: string;
  customerPhone: string;
  vehicle: string;
  service: ServiceOffer;
  campaignType: CampaignType | null;
  campaignPitch: string | null;
  direction: CallDirection;
  outcome: ConnectedOutcome;
  partOfDay: "morning" | "afternoon" | "evening";
  /** The slot booked on this call, or the appointment an appointment_confirmation call is about. */
  appointment: Slot | null;
  /** Other free times ("HH:MM") on the appointment's day, offered by check_availability. */
  otherSlotTimes: readonly string[];
  callback: Slot | null;
  confirmationCode: string;
};

const assistant = (content: string): Turn => ({ role: "Assistant", content });
const user = (content: string): Turn => ({ role: "User", content });
const tool = (name: string, args: Record<string, unknown>, result: Record<string, unknown>): Turn => ({
  role: "Tool",
  content: JSON.stringify({ tool: name, arguments: args, result }),
});

/** "an oil change" style wording for a service name from the catalog. */
function spokenService(service: ServiceOffer): string {
  if (service.spoken) return service.spoken;
  if (service.name.startsWith("Recall: ")) return `the ${service.name.slice("Recall: ".length)} recall`;
  if (/^(Service|Inspection) [A-Z]+$/.test(service.name)) return `your ${service.name}`;
  if (/^[A-Z][A-Z/]+\b/.test(service.name) || /^\d/.test(service.name)) return `your ${service.name}`;
  const lower = service.name.charAt(0).toLowerCase() + service.name.slice(1);
  return /^[aeiou]/.test(lower) ? `an ${lower}` : `a ${lower}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function spokenPhone(e164: string): string {
  const digits = e164.replace(/^\+1/, "");
  return `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

function priceLine(input: ConversationInput): string {
  if (input.service.price === null) return "There's no charge at all. The manufacturer covers the parts and labor for the recall.";
  return `For your ${input.vehicle}, ${spokenService(input.service)} is ${input.service.price}.`;
}

function listTimes(spokenTimes: readonly string[]): string {
  if (spokenTimes.length <= 1) return spokenTimes.join("");
  return `${spokenTimes.slice(0, -1).join(", ")} or ${spokenTimes[spokenTimes.length - 1]}`;
}

function timeToSpoken(time: string): string {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  const suffix = hours < 12 ? "AM" : "PM";
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === 0 ? `${hour12} ${suffix}` : `${hour12}:${String(minutes).padStart(2, "0")} ${suffix}`;
}

function outboundOpening(input: ConversationInput, random: Random): Turn[] {
  const { agentName: agent, organizationName: org, customerFirstName: first, customerLastName: last } = input;
  const greeting = random.pick([
    `Hi, this is ${agent}, the virtual service assistant at ${org}. Am I speaking with ${first}?`,
    `Good ${input.partOfDay}, may I speak with ${first} ${last}? This is ${agent}, an automated assistant calling from the ${org} service department.`,
    `Hello, ${first}? It's ${agent} with ${org} service. I'm a virtual assistant. Do you have a quick minute?`,
  ]);
  if (input.outcome === "wrong_number") {
    return [assistant(greeting), user(random.pick([`I think you have the wrong number. There's no ${first} here.`, "Sorry, wrong number.", `Who? No, there's nobody named ${first} at this number.`]))];
  }
  const reply = random.pick([`Yes, this is ${first}.`, "Speaking. What's this about?", "Yeah, I've got a minute.", "Sure, go ahead.", `This is ${first}. Who's calling?`]);
  return [assistant(greeting), user(reply)];
}

function reasonForCall(input: ConversationInput, random: Random): string {
  const service = spokenService(input.service);
  const vehicle = input.vehicle;
  switch (input.campaignType) {
    case "recall": {
      const part = input.service.name.replace(/^Recall: /, "");
      return random.pick([
        `Thanks. I'm calling about an open safety recall on your ${vehicle}: the ${part} replacement. The repair is free of charge and takes ${input.service.duration}.`,
        `I'm reaching out because the manufacturer issued a safety recall that affects your ${vehicle}, for the ${part}. We have the parts in stock and there's no cost to you.`,
      ]);
    }
    case "declined_service":
      return random.pick([
        `When your ${vehicle} was in last time, our technician recommended ${service} and it was declined at the time. I wanted to check in and see if you'd like to take care of it now.`,
        `I'm following up on ${service} our technician recommended at your last visit. It's marked as declined on your ${vehicle}, so I wanted to see whether you'd like to schedule it.`,
      ]);
    case "appointment_confirmation": {
      const slot = input.appointment;
      const when = slot ? `${slot.spokenDay} at ${slot.spokenTime}` : "later this week";
      return `I'm calling to confirm your appointment for ${service} on your ${vehicle}, ${when}. Will that still work for you?`;
    }
    case "custom":
      if (input.campaignPitch) return input.campaignPitch.replaceAll("{vehicle}", vehicle).replaceAll("{service}", service);
      return `I'm calling with a service special for your ${vehicle}: ${service}. Would you like to hear the available times?`;
    default:
      return random.pick([
        `Great. Our records show your ${vehicle} is coming due for ${service}. I can get you on the schedule while I have you.`,
        `Thanks! Based on the mileage from your last visit, your ${vehicle} is due for ${service}. Would you like to book that?`,
      ]);
  }
}

function inboundOpening(input: ConversationInput, random: Random): Turn[] {
  const { agentName: agent, organizationName: org, customerFirstName: first, customerLastName: last, vehicle } = input;
  const service = spokenService(input.service);
  const request = input.campaignType
    ? random.pick([
        `Hi, I got a call about my ${vehicle} being due for ${service}. I'm returning the call.`,
        `Yeah, I missed a call from you guys, something about my ${vehicle}?`,
      ])
    : random.pick([`Hi, I'd like to schedule ${service} for my ${vehicle}.`, `Hi there. My ${vehicle} needs ${service}, do you have any openings?`]);
  return [
    assistant(`Thank you for calling ${org} service, this is ${agent}. How can I help you today?`),
    user(request),
    assistant("I can help with that. Can I get your name, please?"),
    user(`It's ${first} ${last}.`),
    assistant(`Thanks, ${first}. I see your ${vehicle} here, and it's due for ${service}.`),
  ];
}

function questionAndAnswer(input: ConversationInput, random: Random): Turn[][] {
  const pairs: Turn[][] = [
    [user("How long will it take?"), assistant(`${capitalize(spokenService(input.service))} usually takes ${input.service.duration}. You're welcome to wait in our lounge, or we can offer ${input.amenity}.`)],
    [user(random.pick(["What's the price on that?", "How much is that going to cost me?"])), assistant(priceLine(input))],
    [user("Can someone give me a ride to work after I drop it off?"), assistant(`Yes, we offer ${input.amenity}. I'll note that on the appointment.`)],
    [user("Can I drop it off the night before?"), assistant("Yes, just use the key drop box by the service entrance and fill out one of the envelopes.")],
  ];
  if (input.campaignType === "recall") {
    pairs.push([
      user("Is it safe to keep driving it until then?"),
      assistant("The manufacturer recommends getting the repair done as soon as possible. If a warning light comes on, call us and we'll prioritize it."),
    ]);
  }
  return random.sample(pairs, random.weighted([[0, 3], [1, 4], [2, 2]] as const));
}

function bookedBody(input: ConversationInput, random: Random): Turn[] {
  const slot = input.appointment;
  if (!slot) throw new Error("A booked conversation needs an appointment slot");
  const { customerFirstName: first, vehicle } = input;
  if (input.campaignType === "appointment_confirmation" && input.direction === "outbound") {
    return [
      user(random.pick(["Yes, that still works.", "Yep, I'll be there.", "Yes. I might be a few minutes early."])),
      tool("confirm_appointment", { date: slot.date, time: slot.time }, { status: "confirmed" }),
      assistant(`Great, your appointment for ${spokenService(input.service)} on ${slot.spokenDay} at ${slot.spokenTime} is confirmed. We'll send a text reminder the day before.`),
      ...questionAndAnswer(input, random).flat(),
      user(random.pick(["Perfect, thanks.", "Thanks for the reminder.", "Great, see you then."])),
      assistant(`Thank you, ${first}. You're confirmed for ${slot.spokenDay} at ${slot.spokenTime}. See you then!`),
    ];
  }
  const offered = [slot.time, ...input.otherSlotTimes].sort();
  // Questions come before the customer agrees, so two customer turns never follow each other.
  return [
    ...questionAndAnswer(input, random).flat(),
    user(
      random.pick([
        "Yeah, I've been meaning to do that. What do you have available?",
        `Sure. Do you have anything on ${slot.spokenDay}?`,
        "Okay, let's do it. When's the earliest you can fit me in?",
        "I think I got a letter about that. Yes, let's set it up.",
      ]),
    ),
    tool("check_availability", { date: slot.date }, { slots: offered }),
    assistant(`On ${slot.spokenDay} I have ${listTimes(offered.map(timeToSpoken))}. Which works best for you?`),
    user(random.pick([`${slot.spokenTime} works for me.`, `Let's do ${slot.spokenTime}.`, `The ${slot.spokenTime} one, please.`])),
    tool(
      "book_appointment",
      { date: slot.date, time: slot.time, service: input.service.name, vehicle },
      { status: "confirmed", confirmation: input.confirmationCode },
    ),
    assistant(
      `You're all set: ${spokenService(input.service)} for your ${vehicle} on ${slot.spokenDay} at ${slot.spokenTime}. Your confirmation number is ${input.confirmationCode}, and we'll text you a reminder the day before.`,
    ),
    user(random.pick(["Perfect, thank you.", "Great, thanks for the call.", "Thanks, see you then."])),
    assistant(`Thank you, ${first}. We'll see you ${slot.spokenDay} at ${slot.spokenTime}!`),
  ];
}

function callbackBody(input: ConversationInput, random: Random): Turn[] {
  const callback = input.callback;
  if (!callback) throw new Error("A callback conversation needs a callback day");
  const window = random.pick(["morning", "afternoon"] as const);
  const objection =
    input.campaignType === "appointment_confirmation"
      ? "Actually, I might need to move that. Can you call me back once I know my schedule?"
      : random.pick([
          "I'm traveling this week. Can you call me back next week?",
          "I'm at work right now. Could you call me back another day?",
          `I need to check with my ${random.pick(["wife", "husband", "partner"])} about the schedule first.`,
          "Money's a little tight this month. Can you call me after the first?",
        ]);
  return [
    user(objection),
    assistant(`No problem at all. Would ${callback.spokenDay} in the ${window} work for a call back?`),
    user(random.pick(["Yeah, that should be fine.", "Sure, that works.", "Okay."])),
    tool("schedule_callback", { date: callback.date, window }, { scheduled: true }),
    assistant(`Great, I've scheduled a call back for ${callback.spokenDay}. Thanks for your time, ${input.customerFirstName}!`),
    user("Thanks, bye."),
  ];
}

function notInterestedBody(input: ConversationInput, random: Random): Turn[] {
  const byType: Partial<Record<CampaignType, readonly string[]>> = {
    recall: ["I had the recall done at another dealer last month.", "I already got a letter and took care of it somewhere else."],
    declined_service: ["I got a second opinion and they said it's fine for now.", "I already had that done at another shop."],
    appointment_confirmation: ["Actually, I need to cancel. I had it taken care of somewhere closer to work."],
  };
  const reasons = (input.campaignType && byType[input.campaignType]) || [
    "I already had that done at another shop.",
    "I actually do my own maintenance, so I'm good.",
    "Not right now, thanks. I'm not interested.",
    "I'm selling the car soon, so I'm going to skip it.",
  ];
  const reason = random.pick(reasons);
  const status = input.campaignType === "appointment_confirmation" ? "cancelled" : /elsewhere|another|somewhere/.test(reason) ? "completed_elsewhere" : "declined";
  const turns: Turn[] = [user(reason)];
  if (input.campaignType === "recall" && status !== "completed_elsewhere") {
    turns.push(
      assistant("Understood. Just so you know, the recall repair is free and addresses a safety issue. Would you like me to check availability anyway?"),
      user("No, thanks."),
    );
  }
  turns.push(
    tool("update_service_record", { status }, { updated: true }),
    assistant("Thanks for letting me know. I've updated your record so we won't call you about this again. Is there anything else I can help with?"),
    user(random.pick(["No, that's it.", "Nope, that's all.", "No, thank you."])),
    assistant(`Have a great day, ${input.customerFirstName}.`),
  );
  return turns;
}

function doNotCallBody(input: ConversationInput, random: Random): Turn[] {
  return [
    user(random.pick(["Please take me off your call list. I don't want these calls.", "How did you get this number? Stop calling me.", "I've asked before, please don't call me again."])),
    assistant("I'm sorry for the trouble. I'll remove this number from our call list right away."),
    tool("update_contact_preferences", { phone: input.customerPhone, doNotCall: true }, { updated: true }),
    assistant(`Done. You won't receive any more calls from ${input.organizationName}. Have a good day.`),
    user(random.pick(["Thank you.", "Okay.", "Fine, thanks."])),
  ];
}

function wrongNumberBody(input: ConversationInput, random: Random): Turn[] {
  return [
    assistant(`I'm sorry about that. Just to confirm, I reached ${spokenPhone(input.customerPhone)}?`),
    user(random.pick(["Yes, but I've had this number for a couple of years.", `That's my number, but I don't know a ${input.customerFirstName}.`])),
    tool("flag_wrong_number", { phone: input.customerPhone }, { flagged: true }),
    assistant("Thank you, I've updated our records so you won't get these calls. Sorry to bother you."),
    user("No problem, bye."),
  ];
}

function otherBody(input: ConversationInput, random: Random): Turn[] {
  const first = input.customerFirstName;
  const variant = random.pick(input.service.price === null ? (["advisor", "sold"] as const) : (["price", "advisor", "sold"] as const));
  if (variant === "price") {
    return [
      user("How much is that going to cost me?"),
      assistant(priceLine(input)),
      user(random.pick(["Hmm, that's more than I expected. Let me think about it and I'll call you.", "Okay. Let me look at my budget and get back to you."])),
      assistant("Of course. You can reach us at this number any time. Is there anything else I can help with?"),
      user("No, that's all."),
      assistant(`Thanks, ${first}. Have a great day.`),
    ];
  }
  if (variant === "advisor") {
    return [
      user("I have a few questions about what the technician found last time. Can I talk to a person?"),
      assistant(`Of course. I'll have ${input.advisorName}, one of our service advisors, call you back today.`),
      tool("create_task", { type: "advisor_callback", assignee: input.advisorName, phone: input.customerPhone }, { created: true }),
      assistant(`${input.advisorName} will reach out before the end of the day. Anything else?`),
      user("No, that's it, thanks."),
    ];
  }
  return [
    user(`I actually sold that ${input.vehicle} a few months ago.`),
    assistant("Thanks for letting me know. Do you have another vehicle we could help with?"),
    user("Not right now, I'm driving a company car."),
    tool("update_service_record", { status: "vehicle_sold" }, { updated: true }),
    assistant("Got it, I've updated your record. Have a good day!"),
    user("You too."),
  ];
}

/** The turns of one connected call, without timestamps. */
export function buildConversation(input: ConversationInput, random: Random): Turn[] {
  const opening = input.direction === "inbound" ? inboundOpening(input, random) : outboundOpening(input, random);
  if (input.outcome === "wrong_number") return [...opening, ...wrongNumberBody(input, random)];
  const reason = input.direction === "outbound" ? [assistant(reasonForCall(input, random))] : [];
  const body = {
    booked: bookedBody,
    callback: callbackBody,
    not_interested: notInterestedBody,
    do_not_call: doNotCallBody,
    other: otherBody,
  }[input.outcome](input, random);
  return [...opening, ...reason, ...body];
}
