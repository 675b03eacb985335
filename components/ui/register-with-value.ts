import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";

/**
 * `form.register(name)` plus the field's value as the element's `defaultValue`, for forms rendered on the server:
 * react-hook-form writes values into its inputs only when it hydrates, so without it the first paint shows the
 * form empty (text inputs, textareas and native selects; controlled fields render their value anyway).
 */
export function registerWithValue<T extends FieldValues>(form: Pick<UseFormReturn<T>, "register" | "getValues">, name: FieldPath<T>) {
  return { ...form.register(name), defaultValue: form.getValues(name) as string | number | undefined };
}
