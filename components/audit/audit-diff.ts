// Field-by-field view of an audit row: nested objects (and JSON kept in strings, as settings store it)
// are flattened to dotted paths so a change in business_hours shows as "value.mon", not two long strings.

export type DiffLine = { field: string; before: string | null; after: string | null; changed: boolean };

function parsedJsonString(value: string): unknown {
  const trimmed = value.trim();
  if (!(trimmed.startsWith("{") && trimmed.endsWith("}"))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  const expanded = typeof value === "string" ? parsedJsonString(value) : value;
  if (expanded !== null && typeof expanded === "object" && !Array.isArray(expanded) && Object.keys(expanded).length > 0) {
    for (const [key, item] of Object.entries(expanded)) flatten(item, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  into.set(prefix || "(value)", display(expanded));
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export function auditDiff(oldValue: unknown, newValue: unknown): DiffLine[] {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  if (oldValue !== null && oldValue !== undefined) flatten(oldValue, "", before);
  if (newValue !== null && newValue !== undefined) flatten(newValue, "", after);
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  return fields.map((field) => {
    const was = before.get(field) ?? null;
    const now = after.get(field) ?? null;
    return { field, before: was, after: now, changed: was !== now };
  });
}
