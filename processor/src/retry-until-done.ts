const RETRY_START_MS = 200;
const RETRY_MAX_MS = 10_000;

export interface RetryUntilDone {
  // Runs action until it succeeds, waiting 200 ms doubling to 10 s between
  // tries; gives up only once stopping. This is how roles wait out a store
  // or broker outage instead of skipping data.
  (what: string, action: () => Promise<unknown>): Promise<void>;
  // True from a failed try until the next success (readiness).
  failing(): boolean;
}

export function createRetryUntilDone(options: {
  stopping(): boolean;
  log(line: string): void;
  onRetry?: () => void;
}): RetryUntilDone {
  let failing = false;
  const retry = async (what: string, action: () => Promise<unknown>) => {
    for (let delay = RETRY_START_MS; ; delay = Math.min(delay * 2, RETRY_MAX_MS)) {
      try {
        await action();
        failing = false;
        return;
      } catch (error) {
        if (options.stopping()) throw error;
        failing = true;
        options.onRetry?.();
        options.log(
          `${what} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
  return Object.assign(retry, { failing: () => failing });
}
