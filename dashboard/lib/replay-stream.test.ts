import { describe, expect, it } from 'vitest';
import { encodeReplayLine, readReplayStream, takeLines } from './replay-stream';

const batch = (sequence: number) => ({ chunks: [{ sequence, eventsJson: '[{"type":4}]' }] });

function bodyOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>): Promise<number[][]> {
  const seen: number[][] = [];
  for await (const chunks of readReplayStream(body)) seen.push(chunks.map((chunk) => chunk.sequence));
  return seen;
}

describe('takeLines', () => {
  it.each([
    ['nothing yet', '', 0, ''],
    ['half a line', '{"chunks":[', 0, '{"chunks":['],
    ['one line and half of the next', `${encodeReplayLine(batch(0))}{"chu`, 1, '{"chu'],
    ['two whole lines', encodeReplayLine(batch(0)) + encodeReplayLine(batch(1)), 2, ''],
  ])('%s', (_name, text, count, rest) => {
    const taken = takeLines(text);
    expect(taken.lines).toHaveLength(count);
    expect(taken.rest).toBe(rest);
  });
});

describe('readReplayStream', () => {
  it('yields each batch once, however the bytes were split', async () => {
    const text = encodeReplayLine(batch(0)) + encodeReplayLine(batch(1)) + encodeReplayLine(batch(2));
    const cuts = [[text], text.split(''), [text.slice(0, 7), text.slice(7, 40), text.slice(40)]];
    for (const parts of cuts) expect(await collect(bodyOf(parts))).toEqual([[0], [1], [2]]);
  });

  it('throws the failure that ended the stream, after the batches before it', async () => {
    const failure = encodeReplayLine({ failure: { code: 'PermissionDenied', message: 'not allowed' } });
    const seen: number[][] = [];
    const reading = (async () => {
      for await (const chunks of readReplayStream(bodyOf([encodeReplayLine(batch(0)), failure])))
        seen.push(chunks.map((chunk) => chunk.sequence));
    })();
    await expect(reading).rejects.toThrow('not allowed');
    expect(seen).toEqual([[0]]);
  });
});
