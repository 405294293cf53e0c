import { create, toBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import { sessionKey, type Topics } from '@gosight/common/topics';
import {
  type IngestBatchRequest,
  type IngestBatchResponse,
  IngestBatchResponseSchema,
  type IngestService,
  type RejectedEvent,
  RejectedEventSchema,
} from '@gosight/proto/v1/ingest_pb';
import { ReplayChunkRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { BatchIds } from './batch-ids.ts';
import type { BatchPublisher, OutgoingMessage } from './batch-publisher.ts';
import { clientInfoFrom } from './client-info.ts';
import type { IngestorConfig } from './config.ts';
import { encodeEventBatchRecord, type OutgoingEvent } from './event-batch-encoding.ts';
import type { UnaryContext } from './fast-unary.ts';
import {
  eventIdOf,
  eventProblem,
  type IncomingEvent,
  incomingFromBytes,
  incomingFromDecoded,
  outgoingFrom,
} from './incoming-events.ts';
import { IngestRejection, rateLimited, tooLarge } from './ingest-errors.ts';
import type { IngestMetrics } from './ingest-metrics.ts';
import type { IpHasher } from './ip-hasher.ts';
import type { ProjectResolver, ProjectSettings } from './project-resolver.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { type RequestFacts, requestFactsKey } from './request-facts.ts';
import { signatureRejection } from './signature-check.ts';
import { isBlockedUrl } from './url-blocklist.ts';
import { isBot, type UserAgentInfo } from './user-agent.ts';
import { validateBatch } from './validate-batch.ts';
import { validateEventSize } from './validate-event.ts';
import type { IngestBatchRequestView } from './wire-view.ts';

export interface IngestDeps {
  config: Pick<
    IngestorConfig,
    'limits' | 'projectRate' | 'ipRate' | 'botUserAgents' | 'kafkaProbeIntervalMs'
  >;
  projects: ProjectResolver;
  rateLimiter: RateLimiter;
  batchIds: BatchIds;
  publisher: BatchPublisher;
  topics: Topics;
  metrics: IngestMetrics;
  ipHasher: IpHasher;
  parseUserAgent: (userAgent: string) => UserAgentInfo;
  now: () => number;
}

// The fields of a request other than its events.
type BatchFields = Omit<IngestBatchRequest, 'events' | '$typeName' | '$unknown'>;

export interface IngestHandlers {
  decoded: ServiceImpl<typeof IngestService>;
  wireView: (request: IngestBatchRequestView, context: UnaryContext) => Promise<IngestBatchResponse>;
}

export function createIngestService(deps: IngestDeps): IngestHandlers {
  const { config, metrics } = deps;
  let lastPublishLogMs = 0;

  // At most one line per 5 s: an outage fails every request at once.
  function logPublishFailure(error: unknown) {
    const now = Date.now();
    if (now - lastPublishLogMs < 5000) return;
    lastPublishLogMs = now;
    console.error(
      `[ingestor] Kafka publish failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  function checkLimits(request: BatchFields, eventCount: number, bodyBytes: number) {
    const { limits } = config;
    if (bodyBytes > limits.batchBytes)
      throw tooLarge(
        'batch_too_large',
        `request body is ${bodyBytes} bytes; the limit is ${limits.batchBytes} bytes per batch`,
      );
    if (eventCount > limits.eventsPerBatch)
      throw tooLarge(
        'too_many_events',
        `batch has ${eventCount} events; the limit is ${limits.eventsPerBatch} events per batch`,
      );
    if (request.replayChunks.length > limits.replayChunksPerBatch)
      throw tooLarge(
        'too_many_replay_chunks',
        `batch has ${request.replayChunks.length} replay chunks; the limit is ${limits.replayChunksPerBatch} per batch`,
      );
    request.replayChunks.forEach((chunk, index) => {
      if (chunk.data.length > limits.replayChunkBytes)
        throw tooLarge(
          'replay_chunk_too_large',
          `replay_chunks[${index}].data is ${chunk.data.length} bytes; the limit is ${limits.replayChunkBytes} bytes per replay chunk`,
        );
    });
  }

  async function authorize(
    request: BatchFields,
    eventCount: number,
    context: UnaryContext,
    facts: RequestFacts,
    ipHash: string,
    nowMs: number,
  ) {
    const ipDecision = await deps.rateLimiter.take(`ip:${ipHash}`, config.ipRate, 1, nowMs);
    if (!ipDecision.allowed)
      throw rateLimited('rate_limited_ip', 'this client address', ipDecision.retryAfterMs);
    const project = await deps.projects.resolve(request.projectKey);
    if (project === undefined)
      throw new IngestRejection('unknown_key', 'unknown or revoked project key', Code.Unauthenticated);
    const origin = context.requestHeader.get('origin');
    if (origin && project.allowedOrigins.length > 0 && !project.allowedOrigins.includes(origin))
      throw new IngestRejection(
        'origin_not_allowed',
        `origin ${origin} is not allowed for this project`,
        Code.PermissionDenied,
      );
    const signatureProblem = signatureRejection(project, facts, nowMs);
    if (signatureProblem) throw signatureProblem;
    const cost = Math.max(1, eventCount + request.replayChunks.length);
    // Both go to Redis in one auto-pipelined round trip.
    const [decision, previous] = await Promise.all([
      deps.rateLimiter.take(`project:${project.projectId}`, projectRate(project), cost, nowMs),
      deps.batchIds.seen(project.projectId, request.batchId),
    ]);
    if (!decision.allowed) throw rateLimited('rate_limited_project', 'this project', decision.retryAfterMs);
    return { project, previous };
  }

  function projectRate(project: ProjectSettings) {
    const perSecond = project.eventsPerSecond ?? config.projectRate.perSecond;
    return { perSecond, burst: Math.max(perSecond, project.burstEvents ?? config.projectRate.burst) };
  }

  async function publish(messages: OutgoingMessage[]) {
    const started = performance.now();
    try {
      await deps.publisher.publish(messages);
    } catch (error) {
      logPublishFailure(error);
      throw new IngestRejection(
        'kafka_unavailable',
        'the event queue is unavailable; retry later with the same batch_id',
        Code.Unavailable,
        { 'retry-after': String(Math.max(1, Math.ceil(config.kafkaProbeIntervalMs / 1000))) },
        error,
      );
    }
    metrics.publishSeconds.observe((performance.now() - started) / 1000);
  }

  async function ingest(
    request: BatchFields,
    events: IncomingEvent[],
    context: UnaryContext,
  ): Promise<IngestBatchResponse> {
    const violations = validateBatch(request);
    if (violations.length > 0) {
      events.forEach((incoming, index) => {
        const problem = eventProblem(incoming, index);
        if (problem) violations.push(problem);
      });
      const text = violations.map((v) => `${v.path}: ${v.reason}`).join('; ');
      throw new IngestRejection('invalid_batch', `invalid batch: ${text}`, Code.InvalidArgument);
    }
    const facts = context.values.get(requestFactsKey);
    checkLimits(request, events.length, facts.bodyBytes);
    const nowMs = deps.now();
    const ipHash = deps.ipHasher.hash(facts.clientIp, nowMs);
    const { project, previous } = await authorize(request, events.length, context, facts, ipHash, nowMs);

    const userAgent = context.requestHeader.get('user-agent') ?? '';
    if (isBot(userAgent, config.botUserAgents)) {
      metrics.botBatches.inc();
      metrics.events.inc({ outcome: 'bot' }, events.length);
      metrics.replayChunks.inc({ outcome: 'bot' }, request.replayChunks.length);
      return create(IngestBatchResponseSchema, {});
    }
    if (isBlockedUrl(request.page?.url ?? '', project.blockedUrls)) {
      // Acknowledged, so the SDK does not retry, and stored nowhere.
      metrics.events.inc({ outcome: 'blocked_url' }, events.length);
      metrics.replayChunks.inc({ outcome: 'blocked_url' }, request.replayChunks.length);
      return create(IngestBatchResponseSchema, {});
    }
    if (previous) {
      metrics.duplicateBatches.inc();
      metrics.events.inc({ outcome: 'duplicate' }, events.length);
      return { ...previous, duplicate: true };
    }

    const receivedAtMs = BigInt(nowMs);
    const clockSkewMs = request.sentAtMs > 0n ? receivedAtMs - request.sentAtMs : 0n;
    const encoded: OutgoingEvent[] = [];
    const rejected: RejectedEvent[] = [];
    const seenIds = new Set<string>();
    events.forEach((incoming, index) => {
      const eventId = eventIdOf(incoming);
      let problem =
        eventProblem(incoming, index) ??
        (eventId !== undefined && seenIds.has(eventId)
          ? { path: `events[${index}].event_id`, reason: 'repeats an earlier event of this batch' }
          : undefined);
      if (!problem && eventId !== undefined) {
        const outgoing = outgoingFrom(incoming, clockSkewMs);
        problem = validateEventSize(outgoing.size, index, config.limits.eventBytes);
        if (!problem) {
          seenIds.add(eventId);
          encoded.push(outgoing);
          return;
        }
      }
      rejected.push(
        create(RejectedEventSchema, {
          eventId: eventId ?? '',
          index,
          field: problem?.path ?? `events[${index}]`,
          reason: problem?.reason ?? 'is invalid',
        }),
      );
    });
    if (rejected.length > 0) {
      metrics.rejections.inc({ reason: 'invalid_event' }, rejected.length);
      metrics.events.inc({ outcome: 'rejected' }, rejected.length);
    }

    const key = sessionKey(project.projectId, request.sessionId);
    const messages: OutgoingMessage[] = [];
    if (encoded.length > 0) {
      const value = encodeEventBatchRecord(
        {
          projectId: project.projectId,
          sessionId: request.sessionId,
          deviceId: request.deviceId,
          batchId: request.batchId,
          receivedAtMs,
          page: request.page,
          userAgent,
          clockSkewMs,
          client: clientInfoFrom(
            deps.parseUserAgent(userAgent),
            facts,
            deps.ipHasher,
            nowMs,
            project.truncateIp,
          ),
          tabId: request.tabId,
        },
        encoded,
      );
      messages.push({ topic: deps.topics.events, message: { key, value } });
    }
    for (const chunk of request.replayChunks) {
      const record = create(ReplayChunkRecordSchema, {
        projectId: project.projectId,
        sessionId: request.sessionId,
        deviceId: request.deviceId,
        receivedAtMs,
        url: request.page?.url ?? '',
        chunk,
        tabId: request.tabId,
      });
      messages.push({
        topic: deps.topics.replay,
        message: { key, value: Buffer.from(toBinary(ReplayChunkRecordSchema, record)) },
      });
    }
    await publish(messages);
    const response = create(IngestBatchResponseSchema, {
      acceptedEvents: encoded.length,
      acceptedReplayChunks: request.replayChunks.length,
      rejectedEvents: rejected,
    });
    metrics.events.inc({ outcome: 'accepted' }, encoded.length);
    metrics.replayChunks.inc({ outcome: 'accepted' }, request.replayChunks.length);
    if (request.droppedEvents > 0)
      metrics.sdkDroppedEvents.inc({ project: project.projectId }, request.droppedEvents);
    // Best effort: if Redis fails here the batch is durable; a retry would be
    // published again and deduplicated downstream by event id. Not awaited:
    // commands on the one Redis connection run in order, so a retry sent after
    // this answer reads the batch id after it was stored.
    void deps.batchIds.remember(project.projectId, request.batchId, response).catch(() => {});
    return response;
  }

  async function answer(request: BatchFields, events: () => IncomingEvent[], context: UnaryContext) {
    try {
      const response = await ingest(request, events(), context);
      metrics.requests.inc({ code: 'ok' });
      return response;
    } catch (error) {
      if (!(error instanceof ConnectError)) console.error('[ingestor] IngestBatch failed:', error);
      const connectError =
        error instanceof ConnectError
          ? error
          : new ConnectError('internal error', Code.Internal, undefined, undefined, error);
      if (error instanceof IngestRejection) metrics.rejections.inc({ reason: error.reason });
      metrics.requests.inc({ code: codeLabel(connectError.code) });
      throw connectError;
    }
  }

  return {
    // For requests decoded with the generated schema (JSON).
    decoded: {
      ingestBatch: (request, context) => answer(request, () => incomingFromDecoded(request.events), context),
    },
    // For binary requests decoded with the wire view: events stay bytes.
    wireView: (request, context) => answer(request, () => incomingFromBytes(request.events), context),
  };
}

// Code.ResourceExhausted -> "resource_exhausted", as the Connect protocol spells it.
function codeLabel(code: Code): string {
  return (Code[code] ?? 'unknown').replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase());
}
