"use client";

import type { ComponentProps } from "react";
import { useHydrated } from "@/lib/use-hydrated";

/** A settings card's form, disabled until the page has hydrated: react-hook-form then writes its values, and anything typed before would be lost. */
export function SettingForm({ children, ...props }: ComponentProps<"form">) {
  const hydrated = useHydrated();
  return (
    <form noValidate {...props}>
      <fieldset disabled={!hydrated} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
