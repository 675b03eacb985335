import { describe, expect, it } from "vitest";
import { optionalPhoneSchema } from "@/lib/validation/phone";
import { invalidPhoneMessage, phoneFieldSchema, requiredPhoneFieldSchema } from "@/lib/validation/phone-field";

// Forms check phone numbers by their shape only (no phone metadata in the page); the server parses them.
// The browser's check must never refuse a number that the server would store.
const inputs = [
  "(614) 555-0100",
  "614.555.0100",
  "+1 614 555 0100",
  "16145550100",
  "+44 20 7946 0958",
  "+49 30 901820",
  "+33 1 42 68 53 00",
  "1-800-FLOWERS",
  "614 555 0100 ext. 12",
  "614-555-0100 x12",
  "+61 2 9374 4000",
  "555-12",
  "not a number",
  "",
  "   ",
];

describe("phone fields in forms", () => {
  it("accept every number the server accepts", () => {
    const acceptedByServer = inputs.filter((input) => optionalPhoneSchema.safeParse(input).success);
    expect(acceptedByServer.length).toBeGreaterThan(8);
    for (const input of acceptedByServer) expect(phoneFieldSchema.safeParse(input).success, input).toBe(true);
  });

  it("refuse text without digits and text longer than 30 characters, with the server's words", () => {
    expect(phoneFieldSchema.safeParse("call me").error?.issues[0]?.message).toBe(invalidPhoneMessage);
    expect(phoneFieldSchema.safeParse("+1 614 555 0100 ext. 1234567890").error?.issues[0]?.message).toBe("At most 30 characters");
    expect(phoneFieldSchema.safeParse("").success).toBe(true);
  });

  it("leave a number of the right shape to the server, which says why it is none", () => {
    expect(phoneFieldSchema.safeParse("555-12").success).toBe(true);
    expect(optionalPhoneSchema.safeParse("555-12").error?.issues[0]?.message).toBe(invalidPhoneMessage);
  });

  it("ask for a required number", () => {
    const callerId = requiredPhoneFieldSchema("Enter the number calls come from");
    expect(callerId.safeParse(" ").error?.issues[0]?.message).toBe("Enter the number calls come from");
    expect(callerId.safeParse("614 555 0100").success).toBe(true);
  });
});
