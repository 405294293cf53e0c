import type { DeliveryResult } from '@gosight/common/notify/delivery-result';
import type { TelegramTarget } from '@gosight/common/notify/telegram';
import type { WebhookTarget } from '@gosight/common/notify/webhook';
import type { Pool } from 'pg';

export interface Senders {
  telegram(target: TelegramTarget, html: string): Promise<DeliveryResult>;
  webhook(target: WebhookTarget, payload: unknown): Promise<DeliveryResult>;
}

interface DueRow {
  id: string;
  channel_id: string;
  text_html: string;
  payload: unknown;
  attempts: number;
  kind: 'telegram' | 'webhook';
  telegram_bot_token: string | null;
  telegram_chat_id: string | null;
  webhook_url: string | null;
  webhook_secret: string | null;
}

// Telegram accepts about one message per second in a chat.
const MIN_SPACING_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** attempts, MAX_BACKOFF_MS);
}

// Sends what is due, oldest first, at most one message per channel per call,
// so a chat gets its messages in order and no faster than Telegram allows.
// A message stays queued until it is sent; only a channel that cannot work
// (bad token, unknown chat) marks it failed.
export function createOutboxDelivery(
  pool: Pool,
  senders: Senders,
  log: (line: string) => void,
  now = Date.now,
) {
  const lastSentAt = new Map<string, number>();
  return async function deliverDue(): Promise<number> {
    const { rows } = await pool.query<DueRow>(
      `SELECT o.id, o.channel_id, o.text_html, o.payload, o.attempts, c.kind,
              c.telegram_bot_token, c.telegram_chat_id, c.webhook_url, c.webhook_secret
       FROM alert_outbox o JOIN alert_channels c ON c.id = o.channel_id
       WHERE o.sent_at IS NULL AND o.failed_at IS NULL
       ORDER BY o.created_at, o.id LIMIT 200`,
    );
    const visited = new Set<string>();
    let sent = 0;
    for (const row of rows) {
      if (visited.has(row.channel_id)) continue;
      visited.add(row.channel_id);
      const due = await pool.query('SELECT 1 FROM alert_outbox WHERE id = $1 AND next_attempt_at <= now()', [
        row.id,
      ]);
      if (due.rowCount === 0) continue;
      if (now() - (lastSentAt.get(row.channel_id) ?? 0) < MIN_SPACING_MS) continue;
      const result =
        row.kind === 'telegram'
          ? await senders.telegram(
              { botToken: row.telegram_bot_token!, chatId: row.telegram_chat_id! },
              row.text_html,
            )
          : await senders.webhook({ url: row.webhook_url!, secret: row.webhook_secret! }, row.payload);
      if (result.kind === 'sent') {
        lastSentAt.set(row.channel_id, now());
        sent += 1;
        await pool.query('UPDATE alert_outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = $1', [
          row.id,
        ]);
      } else if (result.kind === 'retry') {
        const delay = result.afterMs ?? backoffMs(row.attempts);
        await pool.query('UPDATE alert_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
          row.id,
          result.error,
        ]);
        // Everything queued for the channel waits: a rate limit holds for the whole chat.
        await pool.query(
          `UPDATE alert_outbox SET next_attempt_at = GREATEST(next_attempt_at, now() + $2 * interval '1 millisecond')
           WHERE channel_id = $1 AND sent_at IS NULL AND failed_at IS NULL`,
          [row.channel_id, delay],
        );
        log(`alert to channel ${row.channel_id} deferred ${delay} ms: ${result.error}`);
      } else {
        await pool.query(
          'UPDATE alert_outbox SET failed_at = now(), attempts = attempts + 1, last_error = $2 WHERE id = $1',
          [row.id, result.error],
        );
        log(`alert to channel ${row.channel_id} failed for good: ${result.error}`);
      }
    }
    return sent;
  };
}
