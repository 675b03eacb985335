import { z } from "zod";
import { idSchema, optionalTextSchema } from "./common";

export const agentLanguages = ["en-US", "en-GB", "es-US", "es-MX", "fr-CA", "de-DE", "zh-CN", "vi-VN"] as const;

export const agentInput = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
  description: optionalTextSchema(2000),
  voice: optionalTextSchema(50),
  language: z
    .string()
    .trim()
    .max(20, "At most 20 characters")
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en-US"),
});
export type AgentFormValues = z.input<typeof agentInput>;
export type AgentValues = z.output<typeof agentInput>;

export const agentUpdateInput = agentInput.extend({ id: idSchema });
export const agentSetActiveInput = z.object({ id: idSchema, isActive: z.boolean() });
