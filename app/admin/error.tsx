"use client";

import { ErrorState } from "@/components/ui/error-state";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState title="This page could not be loaded" message={error.digest ? `Reference ${error.digest}. Try again in a moment.` : "Try again in a moment."} onRetry={reset} />;
}
