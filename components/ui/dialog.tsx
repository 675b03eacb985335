"use client";

import { createContext, lazy, use } from "react";
import type * as React from "react";
import { cn } from "./cn";
import type * as Impl from "./dialog-impl";
import { MountedOnceOpen } from "./lazy";

// Radix's dialog (with its focus trap, dismissable layer and scroll lock) loads the first time a dialog opens,
// not with the page: Dialog renders nothing until then, and the parts below draw with the loaded module.

export type { DialogContentProps } from "./dialog-impl";

type DialogModule = typeof Impl;
const Loaded = createContext<DialogModule | null>(null);
let loading: Promise<DialogModule> | null = null;
const load = () => {
  loading ??= import("./dialog-impl").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
};

const Root = lazy(() =>
  load().then((parts) => ({
    default: function LoadedDialog(props: React.ComponentProps<DialogModule["Dialog"]>) {
      return (
        <Loaded value={parts}>
          <parts.Dialog {...props} />
        </Loaded>
      );
    },
  })),
);

function useLoaded(part: string): DialogModule {
  const parts = use(Loaded);
  if (!parts) throw new Error(`${part} must be inside a Dialog`);
  return parts;
}

/** A controlled dialog (`open`); Radix's Root once it has first opened. */
export function Dialog(props: React.ComponentProps<DialogModule["Dialog"]>) {
  return (
    <MountedOnceOpen open={props.open ?? props.defaultOpen ?? false}>
      <Root {...props} />
    </MountedOnceOpen>
  );
}

/** Modal content in a portal with overlay. Must contain a DialogTitle (use className="sr-only" to hide it). */
export function DialogContent(props: React.ComponentProps<DialogModule["DialogContent"]>) {
  const { DialogContent: Content } = useLoaded("DialogContent");
  return <Content {...props} />;
}

export function DialogTitle(props: React.ComponentProps<DialogModule["DialogTitle"]>) {
  const { DialogTitle: Title } = useLoaded("DialogTitle");
  return <Title {...props} />;
}

export function DialogDescription(props: React.ComponentProps<DialogModule["DialogDescription"]>) {
  const { DialogDescription: Description } = useLoaded("DialogDescription");
  return <Description {...props} />;
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1.5 pr-8 text-left", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end", className)} {...props} />;
}
