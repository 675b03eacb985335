"use client";

import {
  Bot,
  Building2,
  CalendarDays,
  CreditCard,
  Gauge,
  Home,
  Inbox,
  KeyRound,
  Layers,
  Megaphone,
  Menu,
  Phone,
  Plug,
  ScrollText,
  Search,
  Settings,
  Shield,
  Tag,
  UserCog,
  Users,
  Wallet,
  X,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, useState } from "react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import type { roleLabels } from "@/lib/roles";
import { AccountButton } from "./account-button";
import type { NavigationIcon, NavigationSection } from "./navigation";
import type { UserMenu as LoadedUserMenu } from "./user-menu";

const icons: Record<NavigationIcon, typeof Home> = {
  home: Home,
  megaphone: Megaphone,
  users: Users,
  phone: Phone,
  search: Search,
  calendar: CalendarDays,
  inbox: Inbox,
  building: Building2,
  settings: Settings,
  userCog: UserCog,
  plug: Plug,
  key: KeyRound,
  tag: Tag,
  bot: Bot,
  creditCard: CreditCard,
  scroll: ScrollText,
  shield: Shield,
  layers: Layers,
  wallet: Wallet,
  gauge: Gauge,
};

export type ShellUser = { name: string; email: string; role: keyof typeof roleLabels };

function matches(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The one link for this page: the longest matching href (/admin/users, not also /admin). */
function currentHref(pathname: string, sections: NavigationSection[]) {
  const hrefs = sections.flatMap((section) => section.items.map((item) => item.href)).filter((href) => matches(pathname, href));
  return hrefs.sort((left, right) => right.length - left.length)[0];
}

function Sidebar({ sections, organizationName, onNavigate }: { sections: NavigationSection[]; organizationName: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  const activeHref = currentHref(pathname, sections);
  return (
    <div className="flex h-full flex-col gap-6 px-3 py-4">
      <div className="flex items-center gap-2 px-2">
        <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-primary text-sm font-bold text-primary-foreground">
          A
        </span>
        <div className="min-w-0">
          <p className="text-sm font-semibold leading-tight">AutoPulse</p>
          <p className="truncate text-xs text-muted-foreground" data-testid="organization-name">
            {organizationName}
          </p>
        </div>
      </div>
      <nav aria-label="Main" className="flex flex-col gap-5">
        {sections.map((section) => (
          <div key={section.label}>
            <p className="px-2 pb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">{section.label}</p>
            <ul className="flex flex-col gap-0.5">
              {section.items.map((item) => {
                const Icon = icons[item.icon];
                const current = item.href === activeHref;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      onClick={onNavigate}
                      aria-current={current ? "page" : undefined}
                      className={cn(
                        "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                        current ? "bg-accent font-medium text-accent-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                      )}
                    >
                      <Icon aria-hidden className="size-4" />
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </nav>
    </div>
  );
}

const loadUserMenu = () => import("./user-menu").then((module) => module.UserMenu);

/**
 * The account menu's code (Radix's dropdown with its popper, ~25 kB gzip) is not part of the page's first
 * load: it loads when the pointer or focus reaches the button, and a click before it arrives opens the
 * menu as soon as it has.
 */
function UserMenu({ user }: { user: ShellUser }) {
  const [loaded, setLoaded] = useState<{ Menu: typeof LoadedUserMenu; open: boolean; focus: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const openOnLoad = useRef(false);
  const load = () =>
    void loadUserMenu().then((Menu) =>
      // The loaded menu's button replaces this one: it takes over the focus if this one had it.
      setLoaded((current) => current ?? { Menu, open: openOnLoad.current, focus: document.activeElement === button.current }),
    );
  const open = () => {
    openOnLoad.current = true;
    load();
  };
  if (loaded) return <loaded.Menu user={user} defaultOpen={loaded.open} focusTrigger={loaded.focus} />;
  return <AccountButton ref={button} user={user} aria-haspopup="menu" aria-expanded={false} onPointerEnter={load} onFocus={load} onPointerDown={open} onClick={open} />;
}

export function AppShell({ user, organizationName, sections, banner, children }: { user: ShellUser; organizationName: string; sections: NavigationSection[]; banner?: ReactNode; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="flex min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 border-r border-border bg-card md:block">
        <div className="sticky top-0 h-dvh overflow-y-auto">
          <Sidebar sections={sections} organizationName={organizationName} />
        </div>
      </aside>
      {menuOpen ? (
        <div className="fixed inset-0 z-40 md:hidden">
          <button type="button" aria-label="Close menu" className="absolute inset-0 bg-black/40" onClick={() => setMenuOpen(false)} />
          <div id="mobile-navigation" className="absolute inset-y-0 left-0 w-72 max-w-[85vw] overflow-y-auto bg-card shadow-xl">
            <Button variant="ghost" size="icon" aria-label="Close menu" className="absolute right-2 top-3" onClick={() => setMenuOpen(false)}>
              <X aria-hidden className="size-4" />
            </Button>
            <Sidebar sections={sections} organizationName={organizationName} onNavigate={() => setMenuOpen(false)} />
          </div>
        </div>
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col">
        {banner}
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-background/90 px-3 backdrop-blur sm:px-6">
          <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open menu" aria-expanded={menuOpen} aria-controls="mobile-navigation" onClick={() => setMenuOpen(true)}>
            <Menu aria-hidden className="size-5" />
          </Button>
          <p className="truncate text-sm font-medium md:hidden">{organizationName}</p>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu user={user} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
