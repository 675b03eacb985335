export type ClassValue = string | number | false | null | undefined;

/**
 * Joins class names, skipping falsy values.
 * Note: no tailwind-merge here, so conflicting utilities are NOT de-duplicated;
 * prefer passing additive classes (margins, widths, colours not set by the base).
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}

/** Shared visible focus ring for interactive elements. */
export const focusRing =
  "outline-hidden focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background";
