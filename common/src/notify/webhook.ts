import { createHmac } from 'node:crypto';
import type { DeliveryResult } from './delivery-result.ts';

export interface WebhookTarget {
  url: string;
  secret: string;
}

// The receiver checks X-GoSight-Signature: "sha256=" + hex HMAC-SHA256 of
// "<X-GoSight-Timestamp>.<body>" with the shared secret, and rejects old timestamps.
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function createWebhookSender(now: () => number = Date.now, timeoutMs = 10_000) {
  return async (target: WebhookTarget, payload: unknown): Promise<DeliveryResult> => {
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(now() / 1000));
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-gosight-timestamp': timestamp,
          'x-gosight-signature': signWebhook(target.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return {
        kind: 'retry',
        afterMs: null,
        error: `webhook unreachable (${error instanceof Error ? error.name : 'error'})`,
      };
    }
    if (response.ok) return { kind: 'sent' };
    const error = `webhook answered ${response.status}`;
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return {
        kind: 'retry',
        afterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null,
        error,
      };
    }
    if (response.status >= 500 || response.status === 408) return { kind: 'retry', afterMs: null, error };
    return { kind: 'failed', error };
  };
}
