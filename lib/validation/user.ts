import { passwordSchema } from "./password";
import { userPasswordSchemas } from "./user-form";

// The server's user schemas: those of the forms (./user-form.ts), with the full password rule
// (length and not a common password). Browser code imports ./user-form instead, to leave the list out.
export { passwordSchema };
export * from "./user-form";
export const { userCreateInput, userSetPasswordInput, changeOwnPasswordInput, setPasswordWithTokenInput } = userPasswordSchemas(passwordSchema);
