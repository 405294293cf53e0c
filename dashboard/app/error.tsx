'use client';

import { useEffect } from 'react';

// Expected API failures are shown inside each panel; this catches everything else.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section className="notice notice-error" role="alert">
      <h2>Something went wrong while rendering this page</h2>
      {/* In production builds Next replaces server error messages; the digest matches the server log line. */}
      <p>{error.message}</p>
      {error.digest ? (
        <p className="muted">
          Reference <code>{error.digest}</code> in the dashboard server log.
        </p>
      ) : null}
      <button type="button" onClick={reset}>
        Try again
      </button>
    </section>
  );
}
