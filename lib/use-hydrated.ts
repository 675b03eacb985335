import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and during hydration, true afterwards. Forms that are
 * server-rendered stay disabled until then: react-hook-form writes its default values
 * into the inputs when it hydrates, which would wipe anything typed before.
 */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
