import { parsePhoneNumberFromString } from "libphonenumber-js/min";

// Apart from lib/format.ts: the phone metadata (~29 kB gzip) reaches only the pages that show phone numbers.

/** E.164 as people read it: "+1 614 555 0100". */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return "";
  return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
}
