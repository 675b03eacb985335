import { z } from "zod";
import { chipListSchema, emailSchema, expectedUpdatedAtSchema, optionalPhoneSchema, optionalTextSchema } from "./common";

/** The organization profile that Admins edit (Settings → Organization). */
export const organizationProfileInput = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters").max(255, "At most 255 characters"),
  email: emailSchema,
  phoneSales: optionalPhoneSchema,
  phoneSupport: optionalPhoneSchema,
  phoneService: optionalPhoneSchema,
  description: optionalTextSchema(5000),
  location: optionalTextSchema(1000),
  serviceTypes: chipListSchema("Service types"),
  focusAreas: chipListSchema("Focus areas"),
  hipaaCompliant: z.boolean(),
  pciCompliant: z.boolean(),
});

/** Saving the profile: against the version the form loaded. */
export const organizationProfileUpdateInput = organizationProfileInput.extend({ expectedUpdatedAt: expectedUpdatedAtSchema });

export type OrganizationProfileFormValues = z.input<typeof organizationProfileInput>;
export type OrganizationProfile = z.output<typeof organizationProfileInput>;
