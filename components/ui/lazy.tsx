"use client";

import { Loader2 } from "lucide-react";
import { lazy, Suspense, useLayoutEffect, useRef, useState } from "react";
import { LoadFailure } from "./load-failure";
import type { ComponentType, KeyboardEvent, PointerEvent, ReactNode } from "react";

// Dialogs and the forms inside them carry most of a page's code (Radix, react-hook-form, zod, phone
// metadata) but are used after the page has loaded, if at all: their code loads when they first open.

type Loader<P> = () => Promise<ComponentType<P>>;

function lazyLoaded<P extends object>(loader: Loader<P>) {
  let promise: Promise<ComponentType<P>> | null = null;
  const load = () => {
    promise ??= loader().catch((error: unknown) => {
      promise = null; // a preload that failed is tried again when the part is first shown
      throw error;
    });
    return promise;
  };
  const Component = lazy(() => load().then((loaded) => ({ default: loaded })));
  return { Component, load };
}

/** The dimmed screen with a spinner that stands in for a dialog while its code loads (after 150 ms, so a fast load shows nothing). */
export function DialogPending() {
  return (
    <div role="status" className="fixed inset-0 z-50 grid place-items-center bg-black/50 animate-fade-in [animation-delay:150ms] [animation-fill-mode:both]">
      <Loader2 aria-hidden className="size-6 animate-spin text-white" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

const openProp = (props: object) => "open" in props && props.open === true;

/**
 * A controlled dialog whose module loads the first time it opens (its `open` prop, or what isOpen says); it
 * stays mounted after that, so it closes with its animation and opens again at once. Radix moves the focus
 * into it when it mounts open.
 *   const EditDialog = lazyDialog(() => import("./edit-dialog").then((module) => module.EditDialog));
 */
export function lazyDialog<P extends object>(loader: Loader<P>, isOpen: (props: P) => boolean = openProp) {
  const { Component, load } = lazyLoaded(loader);
  function LazyDialog(props: P) {
    return (
      <MountedOnceOpen open={isOpen(props)}>
        <Component {...props} />
      </MountedOnceOpen>
    );
  }
  return Object.assign(LazyDialog, { preload: load });
}

/**
 * A dialog's lazily loaded children: nothing until `open` first turns true, then mounted for good (so that the dialog
 * closes with its animation and opens again at once), with the pending screen while their code loads.
 */
export function MountedOnceOpen({ open, children }: { open: boolean; children: ReactNode }) {
  const [used, setUsed] = useState(open);
  if (open && !used) setUsed(true);
  if (!used) return null;
  return (
    <LoadFailure show={open}>
      <Suspense fallback={open ? <DialogPending /> : null}>{children}</Suspense>
    </LoadFailure>
  );
}

const tabbable = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/** Takes the focus when a lazily loaded part arrives in a dialog that had to focus something else (its close button) meanwhile. */
function FocusOnArrival({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current?.closest('[role="dialog"], [role="alertdialog"]');
    const active = document.activeElement;
    if (!dialog || !ref.current || (active && ref.current.contains(active))) return;
    if (active && active !== dialog && !dialog.contains(active)) return;
    ref.current.querySelector<HTMLElement>(tabbable)?.focus();
  }, []);
  return (
    <div ref={ref} className="contents">
      {children}
    </div>
  );
}

/** The pending state of a lazily loaded part of a dialog (a form): a spinner where the form will be. */
function PartPending() {
  return (
    <div role="status" className="grid min-h-24 place-items-center text-muted-foreground">
      <Loader2 aria-hidden className="size-5 animate-spin" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}

/**
 * A part of an eagerly rendered dialog (typically its form) whose module loads when it first renders, with a
 * spinner meanwhile; when it arrives, the focus moves to its first field as if it had been there from the start.
 *   const OrganizationForm = lazyDialogPart(() => import("./organization-form").then((module) => module.OrganizationForm));
 */
export function lazyDialogPart<P extends object>(loader: Loader<P>) {
  const { Component, load } = lazyLoaded(loader);
  function LazyPart(props: P) {
    return (
      <LoadFailure inline>
        <Suspense fallback={<PartPending />}>
          <FocusOnArrival>
            <Component {...props} />
          </FocusOnArrival>
        </Suspense>
      </LoadFailure>
    );
  }
  return Object.assign(LazyPart, { preload: load });
}

const openingKeys = new Set([" ", "Enter", "ArrowDown", "ArrowUp"]);

/**
 * For a control drawn without its library until someone means to use it (a select, a menu): the props for the
 * stand-in button load the code when the pointer or the focus reaches it, and a press or an opening key before
 * it has arrived opens the control once it has. `loaded.focus`: the stand-in had the focus, the control takes it.
 * `failed`: the code did not load when someone pressed the button (show ControlLoadFailure); a press tries again.
 */
export function useLoadOnIntent<T>(loader: () => Promise<T>) {
  const [loaded, setLoaded] = useState<{ value: T; open: boolean; focus: boolean } | null>(null);
  const [failed, setFailed] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const openOnLoad = useRef(false);
  const load = () =>
    void loader().then(
      (value) => setLoaded((current) => current ?? { value, open: openOnLoad.current, focus: document.activeElement === trigger.current }),
      // A preload on hover or focus fails quietly; a press that finds no code says so.
      () => setFailed(openOnLoad.current),
    );
  const open = () => {
    openOnLoad.current = true;
    load();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!openingKeys.has(event.key)) return;
    event.preventDefault();
    open();
  };
  // Like Radix: a mouse opens on press, touch and pen on click (so that scrolling past does not open it).
  const onPointerDown = (event: PointerEvent) => (event.pointerType === "mouse" ? open() : load());
  return { loaded, failed, triggerProps: { ref: trigger, onPointerEnter: load, onFocus: load, onPointerDown, onClick: open, onKeyDown } };
}
