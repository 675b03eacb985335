import type * as React from "react";
import { RotateCw, TriangleAlert } from "lucide-react";
import { cn } from "./cn";
import { Button } from "./button";

export type ErrorStateProps = {
  /** Default "Something went wrong". */
  title?: React.ReactNode;
  message?: React.ReactNode;
  /** Shows a retry button when given (client components only). */
  onRetry?: () => void;
  /** Default "Try again". */
  retryLabel?: React.ReactNode;
  /** Spinner on the retry button while refetching. */
  retrying?: boolean;
  className?: string;
};

export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
  retryLabel = "Try again",
  retrying = false,
  className,
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-destructive/30 bg-destructive/5 px-6 py-10 text-center",
        className,
      )}
    >
      <div
        className="flex size-12 items-center justify-center rounded-full bg-destructive/10 text-destructive"
        aria-hidden="true"
      >
        <TriangleAlert className="size-6" />
      </div>
      <div className="flex max-w-md flex-col gap-1">
        <p className="text-base font-semibold text-foreground">{title}</p>
        {message ? <p className="text-sm text-muted-foreground">{message}</p> : null}
      </div>
      {onRetry ? (
        <Button variant="outline" size="sm" className="mt-2" onClick={onRetry} loading={retrying}>
          {retrying ? null : <RotateCw aria-hidden="true" />}
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}
