"use client";

import { useEffect } from "react";
import { Toaster as Sonner, toast, type ToasterProps } from "sonner";
import { useTheme } from "next-themes";

/** Sonner's toaster, loaded with the first toast (see ./toaster.tsx); onReady gets sonner's toast once it listens. */
export function SonnerToaster({ onReady, ...props }: ToasterProps & { onReady: (sonnerToast: typeof toast) => void }) {
  const { resolvedTheme } = useTheme();
  const theme: ToasterProps["theme"] = resolvedTheme === "dark" ? "dark" : resolvedTheme === "light" ? "light" : "system";
  // Runs after Sonner's own effect (a child's effects run first), so it already listens for toasts.
  useEffect(() => onReady(toast), [onReady]);
  return <Sonner theme={theme} richColors closeButton position="bottom-right" toastOptions={{ classNames: { toast: "font-sans" } }} {...props} />;
}
