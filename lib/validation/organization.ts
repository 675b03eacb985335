import { z } from "zod";
import { formatPhone } from "../format-phone";
import { chipListSchema, emailSchema, expectedUpdatedAtSchema, optionalTextSchema } from "./common";
import { optionalPhoneSchema } from "./phone";

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

/** An organization's profile as stored: optional text is null, phones are E.164. */
export type StoredOrganizationProfile = {
  name: string;
  email: string;
  phoneSales: string | null;
  phoneSupport: string | null;
  phoneService: string | null;
  description: string | null;
  location: string | null;
  serviceTypes: string[];
  focusAreas: string[];
  hipaaCompliant: boolean;
  pciCompliant: boolean;
};

/** The profile as its forms edit it: empty strings for missing text, phones formatted for people. */
export function profileFormValues(organization: StoredOrganizationProfile): OrganizationProfileFormValues {
  return {
    name: organization.name,
    email: organization.email,
    phoneSales: formatPhone(organization.phoneSales),
    phoneSupport: formatPhone(organization.phoneSupport),
    phoneService: formatPhone(organization.phoneService),
    description: organization.description ?? "",
    location: organization.location ?? "",
    serviceTypes: organization.serviceTypes,
    focusAreas: organization.focusAreas,
    hipaaCompliant: organization.hipaaCompliant,
    pciCompliant: organization.pciCompliant,
  };
}
