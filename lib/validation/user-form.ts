import { z } from "zod";
import type { PageSearchParams } from "@/lib/search-params";
import { roles } from "@/lib/value-sets";
import { emailSchema, expectedUpdatedAtSchema, filtersFromPageParams, idSchema, uuidSchema } from "./common";
import { passwordLengthSchema } from "./password-rules";

// The user schemas as browser forms use them. The ones with a password are built by userPasswordSchemas
// with a password rule: here the length only; lib/validation/user.ts (the router's) adds the
// common-password check, whose list stays on the server.

export const userNameSchema = z.string().trim().min(2, "Name must be at least 2 characters").max(100, "At most 100 characters");

const passwordLinkToken = z.string().min(20, "This link is not complete").max(200, "This link is not valid");

type PasswordSchema = z.ZodType<string, string>;

export function userPasswordSchemas(passwordSchema: PasswordSchema) {
  const userCreateInput = z
    .object({
      /** Super admins choose the organization; Admins always create in their own (ignored for them). */
      organizationId: uuidSchema.optional(),
      name: userNameSchema,
      email: emailSchema.pipe(z.string().max(150, "At most 150 characters")),
      role: z.enum(roles, { message: "Choose a role" }),
      passwordMode: z.enum(["password", "link"]),
      password: z.string().optional(),
    })
    .superRefine((value, ctx) => {
      if (value.passwordMode !== "password") return;
      const parsed = passwordSchema.safeParse(value.password ?? "");
      if (!parsed.success) ctx.addIssue({ code: "custom", path: ["password"], message: parsed.error.issues[0]?.message ?? "Enter a password" });
    });
  const userSetPasswordInput = z.object({ id: idSchema, password: passwordSchema });
  const changeOwnPasswordInput = z
    .object({ currentPassword: z.string().min(1, "Enter your current password").max(128), newPassword: passwordSchema, confirmPassword: z.string() })
    .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
  const setPasswordWithTokenInput = z
    .object({ token: passwordLinkToken, password: passwordSchema, confirmPassword: z.string() })
    .refine((value) => value.password === value.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
  return { userCreateInput, userSetPasswordInput, changeOwnPasswordInput, setPasswordWithTokenInput };
}

export const { userCreateInput, userSetPasswordInput, changeOwnPasswordInput, setPasswordWithTokenInput } = userPasswordSchemas(passwordLengthSchema);

export const userListInput = z.object({
  organizationId: uuidSchema.optional(),
  search: z.string().trim().max(150).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(["all", "active", "inactive"]).default("all"),
});
export type UserListFilters = z.output<typeof userListInput>;

/** The user tables' filters from the page's URL; none when they do not parse. */
export function userListFiltersFromParams(params: PageSearchParams): UserListFilters {
  return filtersFromPageParams(userListInput, params, userListInput.parse({}));
}

export const userUpdateInput = z.object({ id: idSchema, name: userNameSchema, role: z.enum(roles, { message: "Choose a role" }), expectedUpdatedAt: expectedUpdatedAtSchema });
export const userSetActiveInput = z.object({ id: idSchema, isActive: z.boolean() });
export const userIdInput = z.object({ id: idSchema });

export const profileUpdateInput = z.object({ name: userNameSchema });

export const passwordLinkInput = z.object({ token: passwordLinkToken });

export type UserCreateFormValues = z.input<typeof userCreateInput>;
export type UserCreateValues = z.output<typeof userCreateInput>;
export type UserUpdateFormValues = z.input<typeof userUpdateInput>;
export type ChangeOwnPasswordValues = z.input<typeof changeOwnPasswordInput>;
