import type * as React from "react";
import { cn } from "./cn";
import { controlClasses } from "./input";

export type TextareaProps = React.ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses, "min-h-16 px-3 py-2", className)} {...props} />;
}
