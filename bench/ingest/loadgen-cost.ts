import { toBinary } from '@bufbuild/protobuf';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { benchBatch, createBodyFactory } from './batches.ts';

// CPU per request body of the two ways the load generator can make them, µs
// (process CPU time, which depends less on the machine's load than wall time).
export function loadgenCostMicros(size: number, iterations = 2000) {
  const measure = (make: (i: number) => Uint8Array) => {
    for (let i = 0; i < 200; i++) make(i);
    const before = process.cpuUsage();
    for (let i = 0; i < iterations; i++) make(i);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / iterations;
  };
  let n = 0;
  const id = (kind: string, index: number) => `${kind}-${index}-${(n++).toString(36)}`;
  const encodeEach = measure((i) =>
    toBinary(IngestBatchRequestSchema, benchBatch('key', `session-${i % 64}`, size, id)),
  );
  const patch = createBodyFactory('key', size, 'cost');
  return { encodeEach, template: measure((i) => patch(i % 64)) };
}
