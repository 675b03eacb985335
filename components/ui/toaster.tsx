"use client";

import { lazy, Suspense, useCallback, useSyncExternalStore } from "react";
import type { ReactNode } from "react";
import type { ExternalToast, ToasterProps, toast as sonnerToast } from "sonner";
import { LoadFailure } from "./load-failure";

// Sonner (~10 kB gzip) loads with the first toast, not with every page: toast.success/error queue the
// message, mount the toaster and show it as soon as Sonner listens.
type Kind = "success" | "error";
type Pending = { kind: Kind; message: ReactNode; options?: ExternalToast };

let sonner: typeof sonnerToast | null = null;
const pending: Pending[] = [];
let wanted = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

function show(kind: Kind, message: ReactNode, options?: ExternalToast) {
  if (sonner) {
    sonner[kind](message, options);
    return;
  }
  pending.push({ kind, message, options });
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
}

export const toast = {
  success: (message: ReactNode, options?: ExternalToast) => show("success", message, options),
  error: (message: ReactNode, options?: ExternalToast) => show("error", message, options),
};

// Without Sonner (its file did not load) toasts are not shown; the page goes on working.
const SonnerToaster = lazy(() => import("./toaster-sonner").then((module) => ({ default: module.SonnerToaster })));

/** Mount once (e.g. in the root layout's providers). Then call toast.success("Saved") anywhere on the client. */
export function Toaster(props: ToasterProps) {
  const mounted = useSyncExternalStore(subscribe, () => wanted, () => false);
  const onReady = useCallback((loaded: typeof sonnerToast) => {
    sonner = loaded;
    for (const { kind, message, options } of pending.splice(0)) loaded[kind](message, options);
  }, []);
  if (!mounted) return null;
  return (
    <LoadFailure show={false}>
      <Suspense fallback={null}>
        <SonnerToaster {...props} onReady={onReady} />
      </Suspense>
    </LoadFailure>
  );
}
