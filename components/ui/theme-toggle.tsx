"use client";

import { useSyncExternalStore } from "react";
import { useTheme } from "next-themes";
import { Monitor, Moon, Sun } from "lucide-react";
import { Button } from "./button";

type ThemeChoice = "light" | "dark" | "system";

const ORDER: ThemeChoice[] = ["light", "dark", "system"];
const ICONS = { light: Sun, dark: Moon, system: Monitor } as const;

const noopSubscribe = () => () => {};

/** true on the client after hydration, false during SSR/hydration (avoids mismatches). */
function useMounted(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

function toChoice(theme: string | undefined): ThemeChoice {
  return theme === "light" || theme === "dark" ? theme : "system";
}

/** Cycles light → dark → system. Requires next-themes' <ThemeProvider attribute="class"> above it. */
export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const mounted = useMounted();

  if (!mounted) {
    // Same footprint as the real button; theme is unknown on the server.
    return (
      <Button variant="ghost" size="icon" className={className} aria-label="Toggle theme" disabled>
        <span className="size-4" aria-hidden="true" />
      </Button>
    );
  }

  const current = toChoice(theme);
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length];
  const Icon = ICONS[current];
  const label = `Theme: ${current}. Switch to ${next} theme`;

  return (
    <Button variant="ghost" size="icon" className={className} aria-label={label} title={label} onClick={() => setTheme(next)}>
      <Icon aria-hidden="true" />
    </Button>
  );
}
