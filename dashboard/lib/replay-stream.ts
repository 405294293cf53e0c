import type { ReplayChunkData } from './replay-events';

/**
 * The replay route's body: one JSON object per line, either a batch of chunks
 * in sequence order or, last, the failure that ended the stream.
 */
export type ReplayStreamLine = { chunks: ReplayChunkData[] } | { failure: { code: string; message: string } };

export function encodeReplayLine(line: ReplayStreamLine): string {
  // JSON.stringify never emits a raw newline, so one object is one line.
  return `${JSON.stringify(line)}\n`;
}

/** Splits what arrived so far into whole lines and the unfinished rest. */
export function takeLines(buffered: string): { lines: ReplayStreamLine[]; rest: string } {
  const end = buffered.lastIndexOf('\n');
  if (end < 0) return { lines: [], rest: buffered };
  const lines = buffered
    .slice(0, end)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ReplayStreamLine);
  return { lines, rest: buffered.slice(end + 1) };
}

/** Reads the replay route's body batch by batch; a failure line becomes a thrown Error. */
export async function* readReplayStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ReplayChunkData[]> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const { lines, rest } = takeLines(done ? `${buffered}\n` : buffered);
    buffered = rest;
    for (const line of lines) {
      if ('failure' in line) throw new Error(line.failure.message || line.failure.code);
      yield line.chunks;
    }
    if (done) return;
  }
}
