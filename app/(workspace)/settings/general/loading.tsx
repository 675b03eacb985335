import { SettingsSkeleton } from "@/components/settings/settings-skeleton";

export default function Loading() {
  return <SettingsSkeleton label="general settings" rows={4} />;
}
