"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";
import { useTheme } from "next-themes";

export { toast } from "sonner";

/** Mount once (e.g. in the root layout's providers). Then call toast.success("Saved") anywhere on the client. */
export function Toaster(props: ToasterProps) {
  const { resolvedTheme } = useTheme();
  const theme: ToasterProps["theme"] =
    resolvedTheme === "dark" ? "dark" : resolvedTheme === "light" ? "light" : "system";

  return (
    <Sonner
      theme={theme}
      richColors
      closeButton
      position="bottom-right"
      toastOptions={{ classNames: { toast: "font-sans" } }}
      {...props}
    />
  );
}
