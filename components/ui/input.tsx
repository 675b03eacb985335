import type * as React from "react";
import { cn, focusRing } from "./cn";

/** Shared look for text-like controls (also used by Textarea, ChipInput, SelectTrigger). */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-input bg-background text-sm text-foreground shadow-xs transition-[color,box-shadow]",
  "placeholder:text-muted-foreground",
  focusRing,
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60 read-only:bg-muted/50",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive",
);

/** The closed select's button (./select.tsx), also drawn without Radix by ./filter-select.tsx until its code loads. */
export const selectTriggerClasses = cn(
  controlClasses,
  "flex h-9 items-center justify-between gap-2 px-3 py-1 text-left whitespace-nowrap",
  "data-placeholder:text-muted-foreground [&>span]:truncate",
);

export type InputProps = React.ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        "h-9 px-3 py-1",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}
