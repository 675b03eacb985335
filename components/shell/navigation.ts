import type { Role } from "@/lib/value-sets";

export type NavigationIcon =
  | "home"
  | "megaphone"
  | "users"
  | "phone"
  | "search"
  | "calendar"
  | "inbox"
  | "building"
  | "settings"
  | "userCog"
  | "plug"
  | "key"
  | "tag"
  | "bot"
  | "creditCard"
  | "scroll"
  | "shield"
  | "layers"
  | "wallet"
  | "gauge";

export type NavigationItem = { href: string; label: string; icon: NavigationIcon; roles: readonly Role[] };
export type NavigationSection = { label: string; items: NavigationItem[]; area: "workspace" | "admin" };

const everyone = ["SuperAdmin", "Admin", "Manager"] as const;
const admins = ["SuperAdmin", "Admin"] as const;
const superAdmins = ["SuperAdmin"] as const;

// Only sections that exist: each page's link is listed here once its page lands.
export const navigation: NavigationSection[] = [
  {
    label: "Workspace",
    area: "workspace",
    items: [
      { href: "/", label: "Dashboard", icon: "home", roles: everyone },
      { href: "/campaigns", label: "Campaigns", icon: "megaphone", roles: everyone },
      { href: "/customers", label: "Customers", icon: "users", roles: everyone },
      { href: "/calls", label: "Calls", icon: "phone", roles: everyone },
      { href: "/bookings", label: "Bookings", icon: "calendar", roles: everyone },
      { href: "/inquiries", label: "Inquiries", icon: "inbox", roles: everyone },
      { href: "/kpis", label: "KPIs", icon: "gauge", roles: everyone },
    ],
  },
  {
    label: "Settings",
    area: "workspace",
    items: [
      { href: "/settings/organization", label: "Organization", icon: "building", roles: everyone },
      { href: "/settings/general", label: "General", icon: "settings", roles: admins },
      { href: "/settings/users", label: "Users", icon: "userCog", roles: admins },
      { href: "/settings/integrations", label: "Integrations", icon: "plug", roles: admins },
      { href: "/settings/api-keys", label: "API keys", icon: "key", roles: admins },
      { href: "/settings/tags", label: "Tags", icon: "tag", roles: everyone },
      { href: "/settings/agents", label: "Voice agents", icon: "bot", roles: everyone },
      { href: "/settings/billing", label: "Billing", icon: "creditCard", roles: admins },
      { href: "/settings/audit", label: "Audit log", icon: "scroll", roles: admins },
    ],
  },
  {
    label: "Platform",
    area: "admin",
    items: [
      { href: "/admin", label: "Overview", icon: "shield", roles: superAdmins },
      { href: "/admin/platform", label: "Platform", icon: "gauge", roles: superAdmins },
      { href: "/admin/organizations", label: "Organizations", icon: "building", roles: superAdmins },
      { href: "/admin/plans", label: "Plans", icon: "layers", roles: superAdmins },
      { href: "/admin/payments", label: "Payments", icon: "wallet", roles: superAdmins },
      { href: "/admin/users", label: "Users", icon: "userCog", roles: superAdmins },
    ],
  },
];

/** Links that exist for this role; routes that have not landed yet are left out by `existingRoutes`. */
export function navigationFor(role: Role, existingRoutes: ReadonlySet<string> = implementedRoutes): NavigationSection[] {
  return navigation
    .map((section) => ({ ...section, items: section.items.filter((item) => item.roles.includes(role) && existingRoutes.has(item.href)) }))
    .filter((section) => section.items.length > 0);
}

// The pages that exist today. Add a route here when its page lands (and to tests/e2e/auth.spec.ts).
export const implementedRoutes: ReadonlySet<string> = new Set([
  "/",
  "/kpis",
  "/campaigns",
  "/customers",
  "/calls",
  "/bookings",
  "/inquiries",
  "/settings/organization",
  "/settings/general",
  "/settings/users",
  "/settings/billing",
  "/settings/integrations",
  "/settings/api-keys",
  "/settings/tags",
  "/settings/agents",
  "/settings/audit",
  "/admin",
  "/admin/platform",
  "/admin/organizations",
  "/admin/plans",
  "/admin/payments",
  "/admin/users",
]);
