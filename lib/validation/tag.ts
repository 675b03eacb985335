import { z } from "zod";
import { expectedUpdatedAtSchema, idSchema } from "./common";

export const tagNameSchema = z.string().trim().min(1, "Enter a name").max(50, "At most 50 characters");

export const tagCreateInput = z.object({ name: tagNameSchema });
export const tagRenameInput = z.object({ id: idSchema, name: tagNameSchema, expectedUpdatedAt: expectedUpdatedAtSchema });
export const tagDeleteInput = z.object({ id: idSchema });

export type TagFormValues = z.input<typeof tagCreateInput>;

/** Tags are unique per organization regardless of case. */
export function tagNameKey(name: string): string {
  return name.trim().toLowerCase();
}
