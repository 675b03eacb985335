import { SettingsSkeleton } from "@/components/settings/settings-skeleton";

export default function Loading() {
  return <SettingsSkeleton label="audit log" rows={3} />;
}
