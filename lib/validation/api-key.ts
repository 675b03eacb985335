import { z } from "zod";
import { idSchema } from "./common";

export const apiKeyCreateInput = z.object({ name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters") });
export type ApiKeyFormValues = z.input<typeof apiKeyCreateInput>;

export const apiKeyRevokeInput = z.object({ id: idSchema });
