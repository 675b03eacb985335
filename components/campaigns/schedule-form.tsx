"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useForm } from "react-hook-form";
import type { Control, FieldErrors, FieldPath, UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { registerWithValue } from "@/components/ui/register-with-value";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import { earliestCallTime, latestCallTime, scheduleConfigSchema, weekdayLabels, weekdays } from "@/lib/validation/schedule";
import type { ScheduleConfig, ScheduleConfigFormValues, Weekday } from "@/lib/validation/schedule";
import { useHydrated } from "@/lib/use-hydrated";

type ServerError = { message: string; data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null };

const timeZones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

function defaults(config: ScheduleConfig | null, timezone: string, concurrencyLimit: number): ScheduleConfigFormValues {
  if (config) return { ...config, endDate: config.endDate ?? "" };
  const weekday = [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }];
  return {
    version: 1,
    timezone,
    startDate: new Date().toISOString().slice(0, 10),
    endDate: "",
    windows: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
    maxAttempts: 3,
    retryDelayMinutes: 240,
    concurrency: Math.min(2, concurrencyLimit),
  };
}

function DayWindows({ day, control, form, errors, disabled }: { day: Weekday; control: Control<ScheduleConfigFormValues>; form: Pick<UseFormReturn<ScheduleConfigFormValues>, "register" | "getValues">; errors: FieldErrors<ScheduleConfigFormValues>; disabled: boolean }) {
  const { fields, append, remove } = useFieldArray({ control, name: `windows.${day}` });
  const dayErrors = errors.windows?.[day];
  return (
    <fieldset className="grid gap-2 border-b border-border py-3 last:border-b-0 sm:grid-cols-[7rem_1fr]">
      <legend className="float-left pt-2 text-sm font-medium sm:w-28">{weekdayLabels[day]}</legend>
      <div className="flex flex-col gap-2">
        {fields.length === 0 ? <p className="pt-2 text-sm text-muted-foreground">No calls</p> : null}
        {fields.map((field, index) => {
          const windowErrors = Array.isArray(dayErrors) ? dayErrors[index] : undefined;
          const message = windowErrors?.start?.message ?? windowErrors?.end?.message;
          const id = `windows-${day}-${index}`;
          return (
            <div key={field.id} className="flex flex-col gap-1">
              <div className="grid grid-cols-[8.5rem_auto_8.5rem_auto] items-center gap-2">
                <Input
                  type="time"
                  aria-label={`${weekdayLabels[day]} window ${index + 1} start`}
                  className="w-32"
                  min={earliestCallTime}
                  max={latestCallTime}
                  aria-invalid={windowErrors?.start ? true : undefined}
                  aria-describedby={message ? `${id}-error` : undefined}
                  {...registerWithValue(form, `windows.${day}.${index}.start`)}
                />
                <span aria-hidden>–</span>
                <Input
                  type="time"
                  aria-label={`${weekdayLabels[day]} window ${index + 1} end`}
                  className="w-32"
                  min={earliestCallTime}
                  max={latestCallTime}
                  aria-invalid={windowErrors?.end ? true : undefined}
                  aria-describedby={message ? `${id}-error` : undefined}
                  {...registerWithValue(form, `windows.${day}.${index}.end`)}
                />
                <Button variant="ghost" size="icon" aria-label={`Remove ${weekdayLabels[day]} window ${index + 1}`} onClick={() => remove(index)} disabled={disabled}>
                  <Trash2 aria-hidden />
                </Button>
              </div>
              {message ? (
                <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
                  {message}
                </p>
              ) : null}
            </div>
          );
        })}
        <div>
          <Button variant="outline" size="sm" onClick={() => append({ start: "09:00", end: "12:00" })} disabled={disabled || fields.length >= 6}>
            <Plus aria-hidden /> Add window on {weekdayLabels[day]}
          </Button>
        </div>
      </div>
    </fieldset>
  );
}

export function ScheduleForm({
  campaignId,
  config,
  organizationTimezone,
  concurrencyLimit,
  disabled = false,
}: {
  campaignId: bigint;
  config: ScheduleConfig | null;
  organizationTimezone: string;
  concurrencyLimit: number;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<ScheduleConfigFormValues, unknown, ScheduleConfig>({
    resolver: zodResolver(scheduleConfigSchema),
    defaultValues: defaults(config, organizationTimezone, concurrencyLimit),
    mode: "onBlur",
  });
  const { errors } = form.formState;
  const save = useMutation(
    trpc.scheduleConfig.upsert.mutationOptions({
      onSuccess: (saved) => {
        toast.success("Schedule saved");
        if (saved.config) form.reset({ ...saved.config, endDate: saved.config.endDate ?? "" });
        void queryClient.invalidateQueries({ queryKey: trpc.scheduleConfig.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
      },
      onError: (error: ServerError) => {
        for (const [field, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
          if (messages?.[0]) form.setError(field as FieldPath<ScheduleConfigFormValues>, { message: messages[0] });
        }
        toast.error("The schedule was not saved", { description: error.message });
      },
    }),
  );
  const onSubmit = form.handleSubmit((values) => save.mutate({ ...values, endDate: values.endDate ?? "", campaignId }));
  const number = (name: "maxAttempts" | "retryDelayMinutes" | "concurrency") => ({ ...fieldA11y(name, errors[name]?.message, { description: true }), ...registerWithValue(form, name) });
  const hydrated = useHydrated();
  const locked = disabled || !hydrated || save.isPending;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Calling schedule">
      <Card>
        <CardHeader>
          <CardTitle>Calling schedule</CardTitle>
          <CardDescription>
            When the voice agent may call, in the campaign&apos;s time zone. Windows lie between {earliestCallTime} and {latestCallTime}.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <fieldset disabled={locked} className="grid gap-4 sm:grid-cols-3">
            <FormField label="Time zone" htmlFor="timezone" error={errors.timezone?.message} required>
              <Input {...fieldA11y("timezone", errors.timezone?.message)} {...registerWithValue(form, "timezone")} list="schedule-time-zones" autoComplete="off" required />
            </FormField>
            <datalist id="schedule-time-zones">
              {timeZones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <FormField label="Start date" htmlFor="startDate" error={errors.startDate?.message} required>
              <Input type="date" {...fieldA11y("startDate", errors.startDate?.message)} {...registerWithValue(form, "startDate")} required />
            </FormField>
            <FormField label="End date" htmlFor="endDate" error={errors.endDate?.message} description="Optional">
              <Input type="date" {...fieldA11y("endDate", errors.endDate?.message, { description: true })} {...registerWithValue(form, "endDate")} />
            </FormField>
          </fieldset>
          <div>
            <h3 className="text-sm font-semibold">Calling windows</h3>
            {errors.windows?.message || errors.windows?.root?.message ? (
              <p role="alert" className="mt-1 text-sm font-medium text-destructive">
                {errors.windows?.message ?? errors.windows?.root?.message}
              </p>
            ) : null}
            <div className="mt-2">
              {weekdays.map((day) => (
                <DayWindows key={day} day={day} control={form.control} form={form} errors={errors} disabled={locked} />
              ))}
            </div>
          </div>
          <fieldset disabled={locked} className="grid gap-4 sm:grid-cols-3">
            <FormField label="Attempts per customer" htmlFor="maxAttempts" error={errors.maxAttempts?.message} description="1 to 10 calls">
              <Input type="number" min={1} max={10} inputMode="numeric" {...number("maxAttempts")} />
            </FormField>
            <FormField label="Minutes between attempts" htmlFor="retryDelayMinutes" error={errors.retryDelayMinutes?.message} description="Before calling the same customer again">
              <Input type="number" min={0} inputMode="numeric" {...number("retryDelayMinutes")} />
            </FormField>
            <FormField label="Concurrent calls" htmlFor="concurrency" error={errors.concurrency?.message} description={`Your organization allows at most ${concurrencyLimit}`}>
              <Input type="number" min={1} max={concurrencyLimit} inputMode="numeric" {...number("concurrency")} />
            </FormField>
          </fieldset>
        </CardContent>
        {disabled ? null : (
          <CardFooter className="justify-end">
            <Button type="submit" loading={save.isPending}>
              Save schedule
            </Button>
          </CardFooter>
        )}
      </Card>
    </form>
  );
}
