import type { ReactElement } from 'react';
import { ApiError } from '@/lib/api/client';

export function ApiErrorNotice({ error }: { error: ApiError }) {
  return (
    <div className="notice notice-error" role="alert" data-testid="api-error">
      {error.message}
    </div>
  );
}

/** For a panel's catch block: shows API failures in place, rethrows anything else to the error boundary. */
export function renderApiError(err: unknown): ReactElement {
  if (err instanceof ApiError) return <ApiErrorNotice error={err} />;
  throw err;
}
