"use client";

import { Component } from "react";
import type { ReactNode } from "react";

/**
 * Where a lazily loaded part could not load (the connection dropped, or a new version of the app replaced its files):
 * a message with a way out in its place, instead of the whole page's error screen. React keeps a failed lazy load
 * failed, so the way out is reloading the page.
 */
export class LoadFailure extends Component<{ children: ReactNode; show?: boolean; inline?: boolean }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    if (this.props.show === false) return null;
    const message = (
      <div role="alert" className="flex flex-col items-start gap-3 text-sm">
        <p>This part of the page did not load: the connection dropped, or AutoPulse was just updated.</p>
        <button type="button" className="rounded-md border border-border px-3 py-1.5 font-medium hover:bg-muted" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
    if (this.props.inline) return message;
    return (
      <div className="fixed inset-0 z-50 grid place-items-center bg-black/50 p-4">
        <div className="w-full max-w-md rounded-lg border border-border bg-card p-6 text-card-foreground shadow-lg">{message}</div>
      </div>
    );
  }
}

/** Beside a control whose code did not load when someone pressed it (a select, a menu): pressing it again tries again. */
export function ControlLoadFailure() {
  return (
    <span role="alert" className="inline-flex items-center gap-1.5 text-xs text-destructive">
      Did not load.
      <button type="button" className="font-medium underline underline-offset-2" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </span>
  );
}
