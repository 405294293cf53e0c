import { clone, createFileRegistry, type DescMessage, type DescService } from '@bufbuild/protobuf';
import type { GenMessage, GenService } from '@bufbuild/protobuf/codegenv2';
import { FieldDescriptorProto_Type, FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { file_gosight_v1_events } from '@gosight/proto/v1/events_pb';
import {
  file_gosight_v1_ingest,
  type IngestBatchRequest,
  IngestBatchRequestSchema,
  type IngestBatchResponseSchema,
} from '@gosight/proto/v1/ingest_pb';

// IngestBatchRequest as the ingestor decodes it from binary requests: the same
// message, except that `events` (field 7, length-delimited either way) is read
// as `repeated bytes`. Each event's original bytes can then be published as
// they came instead of being encoded again, which was the largest CPU cost per
// batch. Built at start from the generated descriptor, so it cannot drift.
export type IngestBatchRequestView = Omit<IngestBatchRequest, 'events' | '$typeName'> & {
  $typeName: 'gosight.v1.IngestBatchRequest';
  events: Uint8Array[];
};

const EVENTS_FIELD = IngestBatchRequestSchema.field.events!.number;

function buildView(): { request: DescMessage; service: DescService } {
  const proto = clone(FileDescriptorProtoSchema, file_gosight_v1_ingest.proto);
  const message = proto.messageType.find((m) => m.name === IngestBatchRequestSchema.name);
  const events = message?.field.find((f) => f.number === EVENTS_FIELD);
  if (!events) throw new Error('IngestBatchRequest.events not found in the generated descriptor');
  events.type = FieldDescriptorProto_Type.BYTES;
  events.typeName = '';
  const registry = createFileRegistry(proto, (name) =>
    name === file_gosight_v1_events.proto.name ? file_gosight_v1_events : undefined,
  );
  const request = registry.getMessage(IngestBatchRequestSchema.typeName);
  const service = registry.getService('gosight.v1.IngestService');
  if (!request || !service) throw new Error('could not build the IngestBatchRequest wire view');
  return { request, service };
}

const view = buildView();
export const IngestBatchRequestViewSchema = view.request as GenMessage<IngestBatchRequestView>;
// IngestService whose IngestBatch input is the view.
export const IngestServiceView = view.service as GenService<{
  ingestBatch: {
    methodKind: 'unary';
    input: typeof IngestBatchRequestViewSchema;
    output: typeof IngestBatchResponseSchema;
  };
}>;
