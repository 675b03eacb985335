"use client";

import { ChevronDown } from "lucide-react";
import { cn } from "./cn";
import { selectTriggerClasses } from "./input";
import { useLoadOnIntent } from "./lazy";
import { ControlLoadFailure } from "./load-failure";

export type LazySelectProps = {
  value: string;
  onValueChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** For the trigger button (with fieldA11y's in a form). */
  id?: string;
  "aria-label"?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  className?: string;
  disabled?: boolean;
};

const loadMenu = () => import("./lazy-select-menu").then((module) => module.LazySelectMenu);

/**
 * A select of fixed options (filters, a row's status) that draws its closed button without Radix: Radix's select
 * (~15 kB gzip with its popper and dismissable layer) loads when the pointer or the focus reaches the button, and
 * replaces it; a click or an opening key before the code arrives opens it once it has.
 */
export function LazySelect(props: LazySelectProps) {
  const { value, options, id, className, disabled } = props;
  const { loaded, failed, triggerProps } = useLoadOnIntent(loadMenu);
  if (loaded) return <loaded.value {...props} defaultOpen={loaded.open} focusTrigger={loaded.focus} />;
  const standIn = (
    <button
      type="button"
      id={id}
      aria-label={props["aria-label"]}
      aria-invalid={props["aria-invalid"]}
      aria-describedby={props["aria-describedby"]}
      role="combobox"
      aria-controls={id ? `${id}-options` : undefined}
      aria-expanded={false}
      aria-autocomplete="none"
      data-state="closed"
      disabled={disabled}
      data-disabled={disabled ? "" : undefined}
      className={cn(selectTriggerClasses, className)}
      {...triggerProps}
    >
      <span className="pointer-events-none">{options.find((option) => option.value === value)?.label}</span>
      <ChevronDown className="size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
    </button>
  );
  if (!failed) return standIn;
  return (
    <span className="flex flex-col items-start gap-1">
      {standIn}
      <ControlLoadFailure />
    </span>
  );
}
