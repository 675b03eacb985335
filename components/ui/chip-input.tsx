"use client";

import * as React from "react";
import { X } from "lucide-react";
import { cn } from "./cn";

export type ChipInputProps = {
  id?: string;
  value: string[];
  onChange: (value: string[]) => void;
  placeholder?: string;
  disabled?: boolean;
  /** Maximum number of chips; further input is blocked once reached. */
  maxItems?: number;
  /** Maximum length of a single chip. */
  maxLength?: number;
  className?: string;
  "aria-invalid"?: boolean | "true" | "false";
  "aria-describedby"?: string;
  "aria-label"?: string;
};

/**
 * Free-text tag list. Enter or "," adds the typed value (trimmed, no empties,
 * no case-insensitive duplicates); Backspace on an empty input removes the last chip;
 * pending text is also committed on blur. Pasting "a, b, c" adds three chips.
 * When disabled, renders a read-only list.
 */
export function ChipInput({
  id,
  value,
  onChange,
  placeholder,
  disabled = false,
  maxItems,
  maxLength,
  className,
  "aria-invalid": ariaInvalid,
  "aria-describedby": ariaDescribedBy,
  "aria-label": ariaLabel,
}: ChipInputProps) {
  const [draft, setDraft] = React.useState("");
  const inputRef = React.useRef<HTMLInputElement>(null);
  const invalid = ariaInvalid === true || ariaInvalid === "true";
  const full = maxItems !== undefined && value.length >= maxItems;

  /** Adds the given raw values; `rest` becomes the new draft text. */
  function add(raw: string[], rest = "") {
    const next = [...value];
    for (const part of raw) {
      const item = (maxLength ? part.trim().slice(0, maxLength) : part.trim()).trim();
      if (!item) continue;
      if (maxItems !== undefined && next.length >= maxItems) break;
      if (next.some((v) => v.toLowerCase() === item.toLowerCase())) continue;
      next.push(item);
    }
    if (next.length !== value.length) onChange(next);
    setDraft(rest);
  }

  function remove(index: number) {
    onChange(value.filter((_, i) => i !== index));
    inputRef.current?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "," || (e.key === "Enter" && draft.trim() !== "")) {
      e.preventDefault();
      add([draft]);
    } else if (e.key === "Backspace" && draft === "" && value.length > 0) {
      e.preventDefault();
      onChange(value.slice(0, -1));
    }
  }

  function onPaste(e: React.ClipboardEvent<HTMLInputElement>) {
    const text = e.clipboardData.getData("text");
    if (text.includes(",") || text.includes("\n")) {
      e.preventDefault();
      add((draft + text).split(/[,\n]/));
    }
  }

  if (disabled) {
    return (
      <div
        id={id}
        aria-describedby={ariaDescribedBy}
        aria-label={ariaLabel}
        className={cn("flex min-h-9 flex-wrap items-center gap-1.5 py-1 text-sm", className)}
      >
        {value.length === 0 ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          <ul role="list" className="flex flex-wrap gap-1.5">
            {value.map((item, index) => (
              <li key={`${index}-${item}`} className="rounded-md bg-muted px-2 py-0.5 text-sm text-foreground">
                {item}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  return (
    <div
      className={cn(
        "flex min-h-9 w-full flex-wrap items-center gap-1.5 rounded-md border bg-background px-2 py-1 text-sm shadow-xs",
        "focus-within:ring-2 focus-within:ring-offset-2 focus-within:ring-offset-background",
        invalid ? "border-destructive focus-within:ring-destructive" : "border-input focus-within:ring-ring",
        className,
      )}
      onClick={(e) => {
        if (e.target === e.currentTarget) inputRef.current?.focus();
      }}
    >
      {value.length > 0 ? (
        <ul role="list" className="contents">
          {value.map((item, index) => (
            <li
              key={`${index}-${item}`}
              className="inline-flex max-w-full items-center gap-1 rounded-md bg-muted py-0.5 pr-0.5 pl-2 text-sm text-foreground"
            >
              <span className="truncate">{item}</span>
              <button
                type="button"
                aria-label={`Remove ${item}`}
                onClick={() => remove(index)}
                className={cn(
                  "inline-flex size-5 items-center justify-center rounded-sm text-muted-foreground hover:bg-background hover:text-foreground",
                  "outline-hidden focus-visible:ring-2 focus-visible:ring-ring",
                )}
              >
                <X className="size-3.5" aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="text"
        value={draft}
        onChange={(e) => {
          // Also handles virtual keyboards that don't report "," in keydown.
          const parts = e.target.value.split(",");
          if (parts.length > 1) add(parts.slice(0, -1), parts[parts.length - 1]);
          else setDraft(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => {
          if (draft.trim()) add([draft]);
        }}
        placeholder={full ? undefined : placeholder}
        readOnly={full}
        maxLength={maxLength}
        aria-invalid={invalid || undefined}
        aria-describedby={ariaDescribedBy}
        aria-label={ariaLabel}
        className="h-7 min-w-24 flex-1 bg-transparent px-1 outline-hidden placeholder:text-muted-foreground read-only:cursor-default"
      />
    </div>
  );
}
