"use client";

import { useEffect, useRef } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "./select";
import type { LazySelectProps } from "./lazy-select";

/** The Radix select of ./lazy-select.tsx, loaded when the pointer or the focus reaches it. */
export function LazySelectMenu({ options, value, onValueChange, disabled, className, defaultOpen, focusTrigger, ...triggerProps }: LazySelectProps & { defaultOpen: boolean; focusTrigger: boolean }) {
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // It replaces the stand-in button: it takes over the focus if that one had it (when it opens, Radix moves it to the list).
    if (focusTrigger && !defaultOpen) trigger.current?.focus();
  }, [focusTrigger, defaultOpen]);
  return (
    <Select defaultOpen={defaultOpen} value={value} onValueChange={onValueChange} disabled={disabled}>
      <SelectTrigger ref={trigger} className={className} {...triggerProps}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
