import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export type ServerError = {
  message: string;
  data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; conflictFields?: string[] | null } | null;
};

/** Puts the server's field errors (validation, unique conflicts) beside their fields. */
export function showServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: ServerError, conflictMessage: (field: string) => string): void {
  for (const [field, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) setError(field as Path<T>, { message: messages[0] });
  }
  for (const field of error.data?.conflictFields ?? []) setError(field as Path<T>, { message: conflictMessage(field) });
}
