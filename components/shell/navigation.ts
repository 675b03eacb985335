import type { Role } from "@/lib/value-sets";

export type NavigationItem = { href: string; label: string; icon: "home" | "building" | "settings"; roles: readonly Role[] };
export type NavigationSection = { label: string; items: NavigationItem[] };

const everyone = ["SuperAdmin", "Admin", "Manager"] as const;

// Only sections that exist. Each issue that adds a page adds its entry here.
export const navigation: NavigationSection[] = [
  { label: "Workspace", items: [{ href: "/", label: "Home", icon: "home", roles: everyone }] },
  { label: "Settings", items: [{ href: "/settings/organization", label: "Organization", icon: "building", roles: everyone }] },
];

export function navigationFor(role: Role): NavigationSection[] {
  return navigation
    .map((section) => ({ ...section, items: section.items.filter((item) => item.roles.includes(role)) }))
    .filter((section) => section.items.length > 0);
}
