/** How each role reads in the interface. Its own module so the app shell need not load lib/format.ts (and its phone metadata). */
export const roleLabels = { SuperAdmin: "Super admin", Admin: "Admin", Manager: "Manager" } as const;
