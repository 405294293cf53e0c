import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

export type MessageKind = 'firing' | 'recovery' | 'test';

export interface OutboxMessage {
  ruleId: string | null;
  channelId: string;
  kind: MessageKind;
  // Messages of one breach share it; with kind and channel it makes the id.
  incident: string;
  textHtml: string;
  payload: object;
}

export function outboxId(message: Pick<OutboxMessage, 'incident' | 'kind' | 'channelId'>): string {
  return createHash('sha256')
    .update(`${message.incident}|${message.kind}|${message.channelId}`)
    .digest('hex')
    .slice(0, 32);
}

// Queues messages; the same message queued twice is stored once.
export async function enqueue(db: Pool | PoolClient, messages: OutboxMessage[]): Promise<void> {
  for (const message of messages) {
    await db.query(
      `INSERT INTO alert_outbox (id, rule_id, channel_id, kind, text_html, payload)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [
        outboxId(message),
        message.ruleId,
        message.channelId,
        message.kind,
        message.textHtml,
        JSON.stringify(message.payload),
      ],
    );
  }
}
