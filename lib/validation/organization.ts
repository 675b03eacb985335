import { z } from "zod";
import { expectedUpdatedAtSchema } from "./common";
import { organizationProfileFields } from "./organization-profile";
import { optionalPhoneSchema } from "./phone";

/** The organization profile that Admins edit (Settings → Organization): phones parsed and stored as E.164. */
export const organizationProfileInput = z.object(organizationProfileFields(optionalPhoneSchema));

/** Saving the profile: against the version the form loaded. */
export const organizationProfileUpdateInput = organizationProfileInput.extend({ expectedUpdatedAt: expectedUpdatedAtSchema });

export type OrganizationProfile = z.output<typeof organizationProfileInput>;
