import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { clientTransformer } from "../client-transformer";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: (count, error) => count < 2 && !/UNAUTHORIZED|FORBIDDEN|NOT_FOUND|BAD_REQUEST/.test(String((error as { data?: { code?: string } }).data?.code)) },
      dehydrate: {
        serializeData: clientTransformer.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: clientTransformer.deserialize },
    },
  });
}
