import { create, createFileRegistry, type DescMessage } from '@bufbuild/protobuf';
import {
  DurationSchema,
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FileDescriptorProtoSchema,
  file_google_protobuf_duration,
} from '@bufbuild/protobuf/wkt';
import { Code, ConnectError } from '@connectrpc/connect';
import { errorToJsonBytes } from '@connectrpc/connect/protocol-connect';
import { describe, expect, it } from 'vitest';
import { callUnary, type Fetch } from './connect-unary.ts';
import { setExtrasLoader } from './extras-loader.ts';
import { retryInfoDelayMs } from './retry-info.ts';
import { retryDecision } from './retry-policy.ts';

setExtrasLoader(() => import('./extras.ts'));

// google.rpc.RetryInfo as in googleapis' error_details.proto, built from its
// descriptor so that Connect encodes the detail as a server would.
const registry = createFileRegistry(
  create(FileDescriptorProtoSchema, {
    name: 'google/rpc/error_details.proto',
    package: 'google.rpc',
    dependency: ['google/protobuf/duration.proto'],
    syntax: 'proto3',
    messageType: [
      {
        name: 'RetryInfo',
        field: [
          {
            name: 'retry_delay',
            jsonName: 'retryDelay',
            number: 1,
            label: FieldDescriptorProto_Label.OPTIONAL,
            type: FieldDescriptorProto_Type.MESSAGE,
            typeName: '.google.protobuf.Duration',
          },
        ],
      },
    ],
  }),
  () => file_google_protobuf_duration,
);
const RetryInfoSchema = registry.getMessage('google.rpc.RetryInfo') as DescMessage;

// The body a Connect server writes for an error with a RetryInfo detail.
function errorBody(code: Code, retryDelay?: { seconds: bigint; nanos: number }): Uint8Array {
  const details = [
    {
      desc: RetryInfoSchema,
      value: retryDelay ? { retryDelay: create(DurationSchema, retryDelay) } : {},
    },
  ];
  return errorToJsonBytes(new ConnectError('slow down', code, undefined, details), undefined);
}

const call = {
  url: 'https://gs.example/x',
  body: new Uint8Array(),
  gzip: false,
  keepalive: false,
  timeoutMs: 1000,
};
const respond =
  (body: Uint8Array, status: number, headers: Record<string, string> = {}): Fetch =>
  async () =>
    new Response(body as Uint8Array<ArrayBuffer>, {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

describe('google.rpc.RetryInfo in Connect error details', () => {
  const cases = [
    { name: '2.5 s', delay: { seconds: 2n, nanos: 500_000_000 }, want: 2500 },
    { name: 'whole seconds', delay: { seconds: 30n, nanos: 0 }, want: 30_000 },
    { name: 'under a second', delay: { seconds: 0n, nanos: 250_000_000 }, want: 250 },
    { name: 'a zero delay', delay: { seconds: 0n, nanos: 0 }, want: 0 },
    { name: 'no retry_delay', delay: undefined, want: 0 },
  ];
  it.each(cases)('reads $name from a real error body', async ({ delay, want }) => {
    const error = await callUnary(respond(errorBody(Code.ResourceExhausted, delay), 429), call);
    expect(error).toMatchObject({ code: 'resource_exhausted', message: 'slow down', retryAfterMs: want });
  });

  it('wins over a Retry-After header, and the retry waits for it', async () => {
    const body = errorBody(Code.Unavailable, { seconds: 4n, nanos: 0 });
    const error = await callUnary(respond(body, 503, { 'retry-after': '60' }), call);
    expect(error?.retryAfterMs).toBe(4000);
    expect(retryDecision(error!, 0, 0)).toEqual({ retry: true, delayMs: 4000 });
  });

  it('leaves Retry-After in charge when the error has no RetryInfo', async () => {
    const plain = errorToJsonBytes(new ConnectError('busy', Code.Unavailable), undefined);
    const error = await callUnary(respond(plain, 503, { 'retry-after': '7' }), call);
    expect(error?.retryAfterMs).toBe(7000);
  });

  const malformed = [
    { name: 'no details', details: undefined },
    { name: 'another detail type', details: [{ type: 'google.rpc.DebugInfo', value: 'CgA' }] },
    { name: 'bad base64', details: [{ type: 'google.rpc.RetryInfo', value: '!!!' }] },
    { name: 'a truncated message', details: [{ type: 'google.rpc.RetryInfo', value: 'CgQI' }] },
  ];
  it.each(malformed)('ignores $name', ({ details }) => {
    expect(retryInfoDelayMs(details)).toBeUndefined();
  });
});
