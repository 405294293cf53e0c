import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedMessage {
  token: string;
  chatId: string;
  text: string;
  parseMode: string;
  atMs: number;
}

// A local stand-in for api.telegram.org that speaks the Bot API's sendMessage:
// the same paths, JSON bodies and error shapes (401 for an unknown token, 400
// "chat not found", 429 with parameters.retry_after), so the alerter is tested
// against the real protocol without reaching Telegram.
export async function startBotApiServer(options: { tokens: string[]; chats: string[] }) {
  const received: ReceivedMessage[] = [];
  const attempts: { chatId: string; status: number; atMs: number }[] = [];
  const scripted: { status: number; retryAfter?: number }[] = [];
  let messageId = 0;

  function answer(response: ServerResponse, status: number, body: object) {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const match = /^\/bot([^/]+)\/sendMessage$/.exec(request.url ?? '');
    if (request.method !== 'POST' || !match) {
      answer(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      chat_id: string;
      text: string;
      parse_mode: string;
    };
    const token = match[1]!;
    const chatId = String(body.chat_id);
    const fail = scripted.shift();
    const status =
      fail?.status ?? (!options.tokens.includes(token) ? 401 : !options.chats.includes(chatId) ? 400 : 200);
    attempts.push({ chatId, status, atMs: Date.now() });
    if (status === 429) {
      const retryAfter = fail?.retryAfter ?? 1;
      answer(response, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
    } else if (status === 401) {
      answer(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    } else if (status === 400) {
      answer(response, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    } else if (status !== 200) {
      answer(response, status, { ok: false, error_code: status, description: 'Internal Server Error' });
    } else {
      messageId += 1;
      received.push({ token, chatId, text: body.text, parseMode: body.parse_mode, atMs: Date.now() });
      answer(response, 200, {
        ok: true,
        result: {
          message_id: messageId,
          chat: { id: chatId, type: 'group' },
          date: Math.floor(Date.now() / 1000),
          text: body.text,
        },
      });
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() =>
      answer(response, 400, { ok: false, error_code: 400, description: 'Bad Request' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    attempts,
    // The next n requests get this status (429 with retry_after, or 5xx) whatever they carry.
    failNext(n: number, status: number, retryAfter?: number) {
      for (let i = 0; i < n; i++) scripted.push({ status, retryAfter });
    },
    clearFailures() {
      scripted.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
