"use client";

import { lazyDialog } from "./lazy";
import type { ConfirmDialogProps } from "./confirm-dialog-content";

export type { ConfirmDialogProps };

/**
 * Confirmation for risky actions (role="alertdialog"; focus starts on Cancel; overlay click
 * does not dismiss). The dialog does NOT close itself on confirm: call
 * onOpenChange(false) yourself once the action succeeds (e.g. in a mutation's onSuccess).
 * Its code (Radix AlertDialog) loads the first time it opens.
 */
export const ConfirmDialog = lazyDialog<ConfirmDialogProps>(() => import("./confirm-dialog-content").then((module) => module.ConfirmDialog));
