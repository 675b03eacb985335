import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber, formatPercent } from "@/lib/format";
import { dateTimeFormat, numberFormat } from "@/lib/intl";

describe("cached Intl formatters", () => {
  it("makes one formatter per locale and options, and keeps time zones and options apart", () => {
    expect(dateTimeFormat({ timeZone: "America/New_York", hour: "numeric" })).toBe(dateTimeFormat({ timeZone: "America/New_York", hour: "numeric" }));
    expect(dateTimeFormat({ timeZone: "America/New_York", hour: "numeric" })).not.toBe(dateTimeFormat({ timeZone: "Asia/Tokyo", hour: "numeric" }));
    expect(numberFormat({ maximumFractionDigits: 1 })).not.toBe(numberFormat({ maximumFractionDigits: 2 }));
    expect(numberFormat({}, "de-DE")).not.toBe(numberFormat());
  });

  it("formats as the uncached formatters did", () => {
    const instant = new Date("2026-11-25T15:30:00Z");
    expect(formatDateTime(instant, "America/New_York")).toBe("Nov 25, 2026, 10:30 AM");
    expect(formatDateTime(instant, "Asia/Tokyo")).toBe("Nov 26, 2026, 12:30 AM");
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatPercent(0.6667)).toBe("66.7%");
    expect(formatPercent(0.6667, 0)).toBe("67%");
  });
});
