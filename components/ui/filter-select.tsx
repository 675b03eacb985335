"use client";

import { Label } from "./label";
import { LazySelect } from "./lazy-select";

/** The value that stands for "no filter" (Radix items need a non-empty value). */
export const anyFilterValue = "all";

type FilterSelectProps = {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: readonly { value: string; label: string }[];
  /** The first item, meaning "no filter"; leave out when the filter always has a value. */
  anyLabel?: string;
  triggerClassName?: string;
};

/** A labelled select for one list filter; choosing the "any" item clears the filter. Radix loads when it is reached (./lazy-select.tsx). */
export function FilterSelect({ id, label, value, onChange, options, anyLabel, triggerClassName = "w-36" }: FilterSelectProps) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <LazySelect
        id={id}
        className={triggerClassName}
        value={value ?? anyFilterValue}
        onValueChange={(next) => onChange(next === anyFilterValue ? undefined : next)}
        options={anyLabel ? [{ value: anyFilterValue, label: anyLabel }, ...options] : options}
      />
    </div>
  );
}
