import type * as React from "react";
import { cn } from "./cn";

/** Decorative loading placeholder (aria-hidden). Put aria-busy="true" on the region being loaded. */
export function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
