import { SettingsSkeleton } from "@/components/settings/settings-skeleton";

export default function Loading() {
  return <SettingsSkeleton label="voice agents" rows={2} />;
}
