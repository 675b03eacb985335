// Shared by the server pages (prefetch) and the client lists: the query inputs must match exactly
// for the prefetched first page to be used. Not in a "use client" module, whose exports a server
// component receives as client references, not values.
export const callLogPageSize = 25;
export const searchPageSize = 20;
export const reviewQueuePageSize = 25;
