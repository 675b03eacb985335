import type * as React from "react";
import { cn } from "./cn";

export type BadgeVariant = "neutral" | "primary" | "success" | "warning" | "destructive" | "outline";

const variantClasses: Record<BadgeVariant, string> = {
  neutral: "border-transparent bg-muted text-foreground",
  primary: "border-primary/25 bg-primary/10 text-primary",
  success: "border-success/25 bg-success/10 text-success",
  warning: "border-warning/30 bg-warning/10 text-warning",
  destructive: "border-destructive/25 bg-destructive/10 text-destructive",
  outline: "border-border bg-transparent text-foreground",
};

export type BadgeProps = React.ComponentProps<"span"> & { variant?: BadgeVariant };

export function Badge({ variant = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex w-fit shrink-0 items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        "[&_svg]:pointer-events-none [&_svg]:size-3",
        variantClasses[variant],
        className,
      )}
      {...props}
    />
  );
}
