import { z } from "zod";
import { chipListSchema, emailSchema, optionalTextSchema } from "./common";
import { phoneFieldSchema } from "./phone-field";

// Apart from ./organization.ts: the Settings → Organization form checks phone numbers by their shape only, so the
// page does not load the phone metadata; the server's input (./organization.ts) parses them.

/** The organization profile's fields, with the phone check of the side that uses them. */
export function organizationProfileFields<Phone extends z.ZodType>(phone: Phone) {
  return {
    name: z.string().trim().min(2, "Name must be at least 2 characters").max(255, "At most 255 characters"),
    email: emailSchema,
    phoneSales: phone,
    phoneSupport: phone,
    phoneService: phone,
    description: optionalTextSchema(5000),
    location: optionalTextSchema(1000),
    serviceTypes: chipListSchema("Service types"),
    focusAreas: chipListSchema("Focus areas"),
    hipaaCompliant: z.boolean(),
    pciCompliant: z.boolean(),
  };
}

/** The profile form as the browser checks it. */
export const organizationProfileForm = z.object(organizationProfileFields(phoneFieldSchema));

export type OrganizationProfileFormValues = z.input<typeof organizationProfileForm>;
export type CheckedOrganizationProfileForm = z.output<typeof organizationProfileForm>;

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

/** The phone numbers as people read them ("+1 614 555 0100"), formatted by the server. */
export type OrganizationPhoneDisplays = { phoneSalesDisplay: string; phoneSupportDisplay: string; phoneServiceDisplay: string };

/** The profile as its forms edit it: empty strings for missing text, phones formatted for people. */
export function profileFormValues(organization: StoredOrganizationProfile & OrganizationPhoneDisplays): OrganizationProfileFormValues {
  return {
    name: organization.name,
    email: organization.email,
    phoneSales: organization.phoneSalesDisplay,
    phoneSupport: organization.phoneSupportDisplay,
    phoneService: organization.phoneServiceDisplay,
    description: organization.description ?? "",
    location: organization.location ?? "",
    serviceTypes: organization.serviceTypes,
    focusAreas: organization.focusAreas,
    hipaaCompliant: organization.hipaaCompliant,
    pciCompliant: organization.pciCompliant,
  };
}
