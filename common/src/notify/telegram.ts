import type { DeliveryResult } from './delivery-result.ts';

export interface TelegramTarget {
  botToken: string;
  chatId: string;
}

interface BotApiAnswer {
  ok?: boolean;
  description?: string;
  parameters?: { retry_after?: number };
}

// Sends through the Bot API's sendMessage. baseUrl is https://api.telegram.org
// in production and a local server that speaks the same API in tests. The
// token is part of the URL, so it never appears in an error message.
export function createTelegramSender(baseUrl: string, timeoutMs = 10_000) {
  const root = baseUrl.replace(/\/$/, '');
  return async (target: TelegramTarget, html: string): Promise<DeliveryResult> => {
    let response: Response;
    try {
      response = await fetch(`${root}/bot${target.botToken}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          chat_id: target.chatId,
          text: html,
          parse_mode: 'HTML',
          disable_web_page_preview: true,
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'network error';
      return { kind: 'retry', afterMs: null, error: `Telegram unreachable (${reason})` };
    }
    const answer = (await response.json().catch(() => ({}))) as BotApiAnswer;
    if (response.ok && answer.ok) return { kind: 'sent' };
    const description = `Telegram answered ${response.status}${answer.description ? `: ${answer.description}` : ''}`;
    if (response.status === 429) {
      const seconds = answer.parameters?.retry_after ?? 1;
      return { kind: 'retry', afterMs: seconds * 1000, error: description };
    }
    if (response.status >= 500) return { kind: 'retry', afterMs: null, error: description };
    return { kind: 'failed', error: description };
  };
}
