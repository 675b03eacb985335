"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { registerWithValue } from "@/components/ui/register-with-value";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { agentGreetingSchema, callerIdFieldSchema, retryPolicySchema, supportedTimezones, timezoneSchema } from "@/lib/validation/setting";
import type { RetryPolicy } from "@/lib/validation/setting";
import { controlClasses } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { applyServerErrors } from "./server-errors";
import { useSettingMutations } from "./use-setting-mutations";
import { SettingForm } from "./setting-form";

function SaveFooter({ dirty, pending, onDiscard }: { dirty: boolean; pending: boolean; onDiscard: () => void }) {
  return (
    <CardFooter className="justify-end gap-2">
      <Button variant="outline" disabled={!dirty || pending} onClick={onDiscard}>
        Discard
      </Button>
      <Button type="submit" loading={pending} disabled={!dirty}>
        Save
      </Button>
    </CardFooter>
  );
}

const timezoneForm = z.object({ value: timezoneSchema });

export function TimezoneCard({ value }: { value: string }) {
  const form = useForm<z.input<typeof timezoneForm>, unknown, z.output<typeof timezoneForm>>({ resolver: zodResolver(timezoneForm), defaultValues: { value } });
  const { upsert } = useSettingMutations({ onSaveError: (error) => applyServerErrors(error, form.setError), onSaved: () => form.reset(form.getValues()) });
  const error = form.formState.errors.value?.message;
  const zones = supportedTimezones();
  return (
    <Card>
      <SettingForm aria-label="Time zone" onSubmit={form.handleSubmit((values) => upsert.mutate({ key: "timezone", value: values.value }))}>
        <CardHeader>
          <CardTitle>Time zone</CardTitle>
          <CardDescription>Dates, business hours and calling windows are read in this zone.</CardDescription>
        </CardHeader>
        <CardContent className="pt-4">
          <FormField label="Time zone" htmlFor="timezone" error={error} required>
            <select {...fieldA11y("timezone", error)} {...registerWithValue(form, "value")} className={cn(controlClasses, "h-9 px-3")} required>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </FormField>
        </CardContent>
        <SaveFooter dirty={form.formState.isDirty} pending={upsert.isPending} onDiscard={() => form.reset()} />
      </SettingForm>
    </Card>
  );
}

const callerIdForm = z.object({ value: callerIdFieldSchema });

/** `value`: the stored caller ID as people read it (the server formats it). */
export function CallerIdCard({ value }: { value: string }) {
  const form = useForm<z.input<typeof callerIdForm>, unknown, z.output<typeof callerIdForm>>({ resolver: zodResolver(callerIdForm), defaultValues: { value } });
  // A saved number comes back from the server formatted, and the card starts again from it (keyed by the stored value).
  const { upsert } = useSettingMutations({ onSaveError: (error) => applyServerErrors(error, form.setError), onSaved: () => form.reset(form.getValues()) });
  const error = form.formState.errors.value?.message;
  return (
    <Card>
      <SettingForm aria-label="Caller ID" onSubmit={form.handleSubmit((values) => upsert.mutate({ key: "caller_id", value: values.value }))}>
        <CardHeader>
          <CardTitle>Caller ID</CardTitle>
          <CardDescription>The number customers see when the agent calls them.</CardDescription>
        </CardHeader>
        <CardContent className="pt-4">
          <FormField label="Caller ID" htmlFor="callerId" error={error} description="International format, e.g. +1 614 555 0100." required>
            <Input {...fieldA11y("callerId", error, { description: true })} {...registerWithValue(form, "value")} type="tel" autoComplete="tel" required />
          </FormField>
        </CardContent>
        <SaveFooter dirty={form.formState.isDirty} pending={upsert.isPending} onDiscard={() => form.reset()} />
      </SettingForm>
    </Card>
  );
}

const greetingForm = z.object({ value: agentGreetingSchema });

export function GreetingCard({ value }: { value: string | null }) {
  const form = useForm<z.input<typeof greetingForm>, unknown, z.output<typeof greetingForm>>({ resolver: zodResolver(greetingForm), defaultValues: { value: value ?? "" } });
  const { upsert } = useSettingMutations({ onSaveError: (error) => applyServerErrors(error, form.setError), onSaved: () => form.reset(form.getValues()) });
  const error = form.formState.errors.value?.message;
  const length = useWatch({ control: form.control, name: "value" }).length;
  return (
    <Card>
      <SettingForm aria-label="Agent greeting" onSubmit={form.handleSubmit((values) => upsert.mutate({ key: "agent_greeting", value: values.value }))}>
        <CardHeader>
          <CardTitle>Agent greeting</CardTitle>
          <CardDescription>The first thing the voice agent says when a customer picks up.</CardDescription>
        </CardHeader>
        <CardContent className="pt-4">
          <FormField label="Greeting" htmlFor="agentGreeting" error={error} description={`${length.toLocaleString("en-US")} / 1,000 characters`} required>
            <Textarea {...fieldA11y("agentGreeting", error, { description: true })} {...registerWithValue(form, "value")} rows={4} maxLength={1000} required />
          </FormField>
        </CardContent>
        <SaveFooter dirty={form.formState.isDirty} pending={upsert.isPending} onDiscard={() => form.reset()} />
      </SettingForm>
    </Card>
  );
}

type RetryPolicyFormValues = z.input<typeof retryPolicySchema>;

export function RetryPolicyCard({ value }: { value: RetryPolicy }) {
  const form = useForm<RetryPolicyFormValues, unknown, RetryPolicy>({ resolver: zodResolver(retryPolicySchema), defaultValues: value });
  const { upsert } = useSettingMutations({
    onSaveError: (error) => {
      const fields = error.data?.zodError?.fieldErrors?.value;
      if (fields?.[0]) form.setError("root", { message: fields[0] });
    },
    onSaved: () => form.reset(form.getValues()),
  });
  const { errors } = form.formState;
  return (
    <Card>
      <SettingForm aria-label="Retry policy" onSubmit={form.handleSubmit((values) => upsert.mutate({ key: "retry_policy", value: values }))}>
        <CardHeader>
          <CardTitle>Default retry policy</CardTitle>
          <CardDescription>How often a customer who did not answer is called again. Campaigns may override it.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 pt-4 sm:grid-cols-2">
          <FormField label="Attempts at most" htmlFor="maxAttempts" error={errors.maxAttempts?.message} description="1 to 10 calls per customer." required>
            <Input {...fieldA11y("maxAttempts", errors.maxAttempts?.message, { description: true })} {...registerWithValue(form, "maxAttempts")} type="number" min={1} max={10} inputMode="numeric" required />
          </FormField>
          <FormField label="Minutes between attempts" htmlFor="retryDelayMinutes" error={errors.retryDelayMinutes?.message} description="e.g. 240 for four hours." required>
            <Input {...fieldA11y("retryDelayMinutes", errors.retryDelayMinutes?.message, { description: true })} {...registerWithValue(form, "retryDelayMinutes")} type="number" min={1} max={10080} inputMode="numeric" required />
          </FormField>
          {errors.root?.message ? (
            <p role="alert" className="text-sm font-medium text-destructive sm:col-span-2">
              {errors.root.message}
            </p>
          ) : null}
        </CardContent>
        <SaveFooter dirty={form.formState.isDirty} pending={upsert.isPending} onDiscard={() => form.reset()} />
      </SettingForm>
    </Card>
  );
}
