"use client";

import { Plus, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { businessHoursSchema, weekdayKeys, weekdayLabels } from "@/lib/validation/setting";
import type { BusinessHours, WeekdayKey } from "@/lib/validation/setting";
import { useSettingMutations } from "./use-setting-mutations";
import { SettingForm } from "./setting-form";

type Errors = Record<string, string>;

function errorsOf(hours: BusinessHours): Errors {
  const parsed = businessHoursSchema.safeParse(hours);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

function DayRow({ day, ranges, errors, disabled, onChange }: { day: WeekdayKey; ranges: BusinessHours[WeekdayKey]; errors: Errors; disabled: boolean; onChange: (ranges: BusinessHours[WeekdayKey]) => void }) {
  const update = (index: number, field: "start" | "end", value: string) => onChange(ranges.map((range, position) => (position === index ? { ...range, [field]: value } : range)));
  const last = ranges.at(-1);
  const nextRange = last ? { start: last.end, end: last.end < "20:00" ? `${String(Number(last.end.slice(0, 2)) + 1).padStart(2, "0")}:${last.end.slice(3)}` : "23:59" } : { start: "08:00", end: "17:00" };
  return (
    <fieldset className="grid gap-2 border-b border-border py-3 last:border-b-0 sm:grid-cols-[8rem_1fr]">
      <legend className="sr-only">{weekdayLabels[day]}</legend>
      <p aria-hidden className="pt-2 text-sm font-medium">
        {weekdayLabels[day]}
      </p>
      <div className="flex flex-col gap-2">
        {ranges.length === 0 ? <p className="pt-2 text-sm text-muted-foreground">Closed</p> : null}
        {ranges.map((range, index) => {
          const startError = errors[`${day}.${index}.start`];
          const endError = errors[`${day}.${index}.end`];
          const errorId = `${day}-${index}-error`;
          return (
            <div key={index} className="flex flex-col gap-1">
              <div className="flex flex-wrap items-center gap-2">
                <div className="w-36">
                  <Input
                    type="time"
                    aria-label={`${weekdayLabels[day]} range ${index + 1} opens`}
                    value={range.start}
                    onChange={(event) => update(index, "start", event.target.value)}
                    aria-invalid={startError ? true : undefined}
                    aria-describedby={startError || endError ? errorId : undefined}
                    disabled={disabled}
                  />
                </div>
                <span aria-hidden className="text-muted-foreground">
                  to
                </span>
                <div className="w-36">
                  <Input
                    type="time"
                    aria-label={`${weekdayLabels[day]} range ${index + 1} closes`}
                    value={range.end}
                    onChange={(event) => update(index, "end", event.target.value)}
                    aria-invalid={endError ? true : undefined}
                    aria-describedby={startError || endError ? errorId : undefined}
                    disabled={disabled}
                  />
                </div>
                <Button variant="ghost" size="icon" aria-label={`Remove ${weekdayLabels[day]} range ${index + 1}`} disabled={disabled} onClick={() => onChange(ranges.filter((_, position) => position !== index))}>
                  <X />
                </Button>
              </div>
              {startError || endError ? (
                <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
                  {startError ?? endError}
                </p>
              ) : null}
            </div>
          );
        })}
        {ranges.length < 6 ? (
          <div>
            <Button variant="link" size="sm" disabled={disabled} onClick={() => onChange([...ranges, nextRange])}>
              <Plus /> Add hours for {weekdayLabels[day]}
            </Button>
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}

export function BusinessHoursCard({ value }: { value: BusinessHours }) {
  const [hours, setHours] = useState<BusinessHours>(value);
  const [saved, setSaved] = useState<BusinessHours>(value);
  const [showErrors, setShowErrors] = useState(false);
  const { upsert } = useSettingMutations({ onSaved: () => setSaved(hours) });
  const errors = showErrors ? errorsOf(hours) : {};
  const dirty = JSON.stringify(hours) !== JSON.stringify(saved);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    const parsed = businessHoursSchema.safeParse(hours);
    if (parsed.success) upsert.mutate({ key: "business_hours", value: parsed.data });
  };

  return (
    <Card>
      <SettingForm aria-label="Business hours" onSubmit={submit}>
        <CardHeader>
          <CardTitle>Business hours</CardTitle>
          <CardDescription>When the service department is open; several ranges a day are fine (e.g. a lunch break). Leave a day empty when closed.</CardDescription>
        </CardHeader>
        <CardContent className="pt-2">
          {weekdayKeys.map((day) => (
            <DayRow key={day} day={day} ranges={hours[day]} errors={errors} disabled={upsert.isPending} onChange={(ranges) => setHours((current) => ({ ...current, [day]: ranges }))} />
          ))}
        </CardContent>
        <CardFooter className="justify-end gap-2">
          <Button variant="outline" disabled={!dirty || upsert.isPending} onClick={() => { setHours(saved); setShowErrors(false); }}>
            Discard
          </Button>
          <Button type="submit" loading={upsert.isPending} disabled={!dirty}>
            Save
          </Button>
        </CardFooter>
      </SettingForm>
    </Card>
  );
}
