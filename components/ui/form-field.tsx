import type * as React from "react";
import { cn } from "./cn";
import { Label } from "./label";

export type FormFieldProps = {
  label: React.ReactNode;
  /** id of the control; also used to derive `${htmlFor}-error` and `${htmlFor}-description`. */
  htmlFor: string;
  error?: string | null;
  description?: React.ReactNode;
  required?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * Label + control + description + error message.
 *
 * The control itself must carry the a11y wiring; spread `fieldA11y(id, error)` onto it:
 *   <FormField label="Email" htmlFor="email" error={errors.email?.message} required>
 *     <Input {...fieldA11y("email", errors.email?.message)} required {...register("email")} />
 *   </FormField>
 * This sets `aria-invalid` when there is an error and points `aria-describedby` at the
 * error message (role="alert", id `${id}-error`) so screen readers announce it. Pass
 * `{ description: true }` as the third argument to also reference the description.
 * Set `required` on the control too: the label's asterisk is visual only (aria-hidden).
 */
export function FormField({ label, htmlFor, error, description, required, className, children }: FormFieldProps) {
  return (
    <div className={cn("grid gap-2", className)}>
      <Label htmlFor={htmlFor}>
        {label}
        {required ? (
          <span className="text-destructive" aria-hidden="true">
            *
          </span>
        ) : null}
      </Label>
      {children}
      {description ? (
        <p id={`${htmlFor}-description`} className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type FieldA11yProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/** Props to spread on the control inside <FormField>. */
export function fieldA11y(
  id: string,
  error?: string | null | false,
  options?: { description?: boolean },
): FieldA11yProps {
  const describedBy = [options?.description ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    "aria-invalid": !!error || undefined,
    "aria-describedby": describedBy || undefined,
  };
}
