import { parsePhoneNumberFromString } from "libphonenumber-js/min";

// Apart from lib/format.ts: the phone metadata (~29 kB gzip) reaches only the pages that show phone numbers.
// Lists and pages get their numbers formatted by the server (the `…Display` fields of the router outputs), so
// in the browser only the forms that take a phone number load it, with the form.

const cache = new Map<string, string>();
const cacheLimit = 10_000;

/** E.164 as people read it: "+1 614 555 0100". */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return "";
  let formatted = cache.get(value);
  if (formatted === undefined) {
    // Parsing takes ~25 µs: a page of calls repeats its customers, and list pages are read again and again.
    formatted = parsePhoneNumberFromString(value)?.formatInternational() ?? value;
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(value, formatted);
  }
  return formatted;
}
