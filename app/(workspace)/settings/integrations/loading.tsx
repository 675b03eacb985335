import { SettingsSkeleton } from "@/components/settings/settings-skeleton";

export default function Loading() {
  return <SettingsSkeleton label="DMS integrations" rows={2} />;
}
