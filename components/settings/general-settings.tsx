"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/react";
import { defaultTimezone } from "@/lib/value-sets";
import { businessHoursSchema, isKnownSettingKey, parseStoredSetting, retryPolicySchema } from "@/lib/validation/setting";
import type { BusinessHours } from "@/lib/validation/setting";
import { BusinessHoursCard } from "./business-hours-card";
import { CustomSettingsCard } from "./custom-settings-card";
import { CallerIdCard, GreetingCard, RetryPolicyCard, TimezoneCard } from "./simple-setting-cards";

const closedWeek: BusinessHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

export function GeneralSettings() {
  const trpc = useTRPC();
  const { data: settings } = useSuspenseQuery(trpc.setting.list.queryOptions());
  const settingOf = (key: string) => settings.find((setting) => setting.key === key);
  const valueOf = (key: string) => settingOf(key)?.value ?? null;
  const timezone = valueOf("timezone") || defaultTimezone;
  // Keyed by the stored value so each editor starts again from what was saved after a refresh.
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <TimezoneCard key={`tz-${timezone}`} value={timezone} />
      <CallerIdCard key={`cid-${valueOf("caller_id")}`} value={settingOf("caller_id")?.valueDisplay ?? ""} />
      <div className="lg:col-span-2">
        <BusinessHoursCard key={`bh-${valueOf("business_hours")}`} value={parseStoredSetting(businessHoursSchema, valueOf("business_hours")) ?? closedWeek} />
      </div>
      <GreetingCard key={`gr-${valueOf("agent_greeting")}`} value={valueOf("agent_greeting")} />
      <RetryPolicyCard key={`rp-${valueOf("retry_policy")}`} value={parseStoredSetting(retryPolicySchema, valueOf("retry_policy")) ?? { maxAttempts: 3, retryDelayMinutes: 240 }} />
      <div className="lg:col-span-2">
        <CustomSettingsCard settings={settings.filter((setting) => !isKnownSettingKey(setting.key))} timezone={timezone} />
      </div>
    </div>
  );
}
