// Intl formatters are slow to create (~40 µs for a NumberFormat, ~100 µs for a DateTimeFormat with a time zone) and
// fast to use (~1 µs): a page of calls or a chart formats hundreds of values, so each formatter is made once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** new Intl.DateTimeFormat(locale, options), made once per locale and options (time zone included). */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions, locale = "en-US"): Intl.DateTimeFormat {
  return cached(`d ${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** new Intl.NumberFormat(locale, options), made once per locale and options. */
export function numberFormat(options: Intl.NumberFormatOptions = {}, locale = "en-US"): Intl.NumberFormat {
  return cached(`n ${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}
