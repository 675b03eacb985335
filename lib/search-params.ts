// A page's `searchParams` prop read the way the browser reads its URL, so that a server page parses its list
// filters exactly as the client component did before (and the client component needs no zod).

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** Like `URLSearchParams.get`: the first value of a repeated name, null when absent. */
export function searchParamReader(params: PageSearchParams): { get(name: string): string | null } {
  return {
    get(name) {
      const value = params[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

/** Like `Object.fromEntries(new URLSearchParams(...))`: one string per name, the last of a repeated one. */
export function searchParamsObject(params: PageSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) result[name] = last;
  }
  return result;
}
