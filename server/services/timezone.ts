import { defaultTimezone } from "@/lib/value-sets";

type SettingReader = { setting: { findFirst(args: { where: { key: string }; select: { value: true } }): PromiseLike<{ value: string | null } | null> } };

/** The organization's IANA time zone (setting `timezone`); pass an organization-scoped client. */
export async function organizationTimezone(db: SettingReader): Promise<string> {
  const setting = await db.setting.findFirst({ where: { key: "timezone" }, select: { value: true } });
  return setting?.value || defaultTimezone;
}
