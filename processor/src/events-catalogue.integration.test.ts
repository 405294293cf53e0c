import { createClickHouse } from '@gosight/common/clickhouse';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { JsErrorKind, WebVitalName } from '@gosight/proto/v1/events_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningProcessor, startProcessor } from './processor.ts';
import { eventBatchMessage, produce } from './test-fixtures.ts';

let infra: TestInfra;
let processor: RunningProcessor;

beforeAll(async () => {
  infra = await createTestInfra('catalogue');
  processor = await startProcessor(
    {
      infra: infra.config,
      roles: ['events'],
      flushRows: 1000,
      flushAgeMs: 100,
      metricsHost: '127.0.0.1',
      metricsPort: 0,
    },
    () => {},
  );
});

afterAll(async () => {
  await processor?.stop();
  await infra?.cleanup();
});

it('stores every kind of event with its typed columns, mouse samples one row each, and errors by fingerprint', async () => {
  const projectId = uniqueId('proj');
  const sessionId = uniqueId('sess');
  const t = Date.now();
  const stack = (line: number) =>
    `TypeError: x\n    at addToCart (https://shop.example/app.js?v=${line}:${line}:7)`;
  const message = eventBatchMessage({
    projectId,
    sessionId,
    events: [
      {
        eventId: 'e1',
        timestampMs: BigInt(t),
        sequence: 1,
        kind: {
          case: 'pageView',
          value: { url: 'https://shop.example/?utm_source=x', utm: { source: 'news' } },
        },
      },
      {
        eventId: 'e2',
        timestampMs: BigInt(t + 1),
        sequence: 2,
        kind: {
          case: 'click',
          value: {
            pageX: 10,
            pageY: 20,
            selector: '#buy',
            tag: 'button',
            targetXRatio: 0.25,
            targetYRatio: 0.5,
            targetWidth: 100,
            targetHeight: 40,
            viewportWidth: 1024,
            viewportHeight: 700,
            documentHeight: 3000,
            interactive: true,
            modifierKey: false,
            pointerType: 'mouse',
            reaction: { observedMs: 1000, domMutationMs: 35 },
          },
        },
      },
      {
        eventId: 'e3',
        timestampMs: BigInt(t + 2),
        sequence: 3,
        kind: {
          case: 'routeChange',
          value: { fromUrl: 'https://shop.example/', toUrl: 'https://shop.example/cart' },
        },
      },
      {
        eventId: 'e4',
        timestampMs: BigInt(t + 3),
        sequence: 4,
        kind: { case: 'scroll', value: { depthPx: 1500, depthPercent: 50, documentHeight: 3000 } },
      },
      {
        eventId: 'e5',
        timestampMs: BigInt(t + 4),
        sequence: 5,
        kind: {
          case: 'inputChange',
          value: { selector: '#email', tag: 'input', inputType: 'email', valueLength: 17 },
        },
      },
      {
        eventId: 'e6',
        timestampMs: BigInt(t + 5),
        sequence: 6,
        kind: {
          case: 'mouseMoves',
          value: {
            samples: [
              { offsetMs: 0, pageX: 1.4, pageY: 2.6 },
              { offsetMs: 50, pageX: 30, pageY: 40, buttonPressed: true },
              { offsetMs: 100, pageX: 60, pageY: 80 },
            ],
          },
        },
      },
      {
        eventId: 'e7',
        timestampMs: BigInt(t + 6),
        sequence: 7,
        kind: {
          case: 'jsError',
          value: {
            kind: JsErrorKind.ERROR,
            message: 'Item 41 missing',
            stack: stack(10),
            source: 'https://shop.example/app.js',
            line: 10,
            column: 7,
          },
        },
      },
      {
        eventId: 'e8',
        timestampMs: BigInt(t + 7),
        sequence: 8,
        kind: {
          case: 'jsError',
          value: { kind: JsErrorKind.UNHANDLED_REJECTION, message: 'Item 42 missing', stack: stack(12) },
        },
      },
      {
        eventId: 'e9',
        timestampMs: BigInt(t + 8),
        sequence: 9,
        kind: { case: 'webVital', value: { name: WebVitalName.LCP, value: 1234.5 } },
      },
      {
        eventId: 'e10',
        timestampMs: BigInt(t + 9),
        sequence: 10,
        kind: { case: 'navigationTiming', value: { dnsMs: 3, ttfbMs: 80, loadMs: 900, transferSize: 12000 } },
      },
      {
        eventId: 'e11',
        timestampMs: BigInt(t + 10),
        sequence: 11,
        kind: {
          case: 'custom',
          value: {
            name: 'checkout',
            properties: {
              total: { value: { case: 'numberValue', value: 9.5 } },
              coupon: { value: { case: 'boolValue', value: true } },
            },
          },
        },
      },
      {
        eventId: 'e12',
        timestampMs: BigInt(t + 11),
        sequence: 12,
        kind: {
          case: 'identify',
          value: { userId: 'user-7', traits: { plan: { value: { case: 'stringValue', value: 'pro' } } } },
        },
      },
      {
        eventId: 'e13',
        timestampMs: BigInt(t + 12),
        sequence: 13,
        kind: {
          case: 'pageLeave',
          value: {
            url: 'https://shop.example/cart',
            dwellMs: 4000,
            maxScrollDepthPx: 2000,
            maxScrollDepthPercent: 66,
            documentHeight: 3000,
          },
        },
      },
    ],
  });
  await produce(infra.config.kafkaBrokers, topicsFor(infra.config.topicPrefix).events, [message, message]);

  const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  const query = async <T>(sql: string) =>
    (
      await clickhouse.query({
        query: sql,
        format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      })
    ).json<T>();
  type Row = Record<string, unknown>;
  const rows = await eventually(
    async () => {
      const found = await query<Row>(
        `SELECT * FROM events WHERE session_id = '${sessionId}' ORDER BY sequence LIMIT 1 BY event_id`,
      );
      return found.length === 13 ? found : undefined;
    },
    20_000,
    'the 13 events',
  );
  const byId = new Map(rows.map((row) => [row.event_id as string, row]));
  expect(rows.map((row) => row.type)).toEqual([
    'page_view',
    'click',
    'route_change',
    'scroll',
    'input_change',
    'mouse_moves',
    'js_error',
    'js_error',
    'web_vital',
    'navigation_timing',
    'custom',
    'identify',
    'page_leave',
  ]);
  expect(byId.get('e1')).toMatchObject({
    utm_source: 'news',
    browser: 'Chrome',
    os: 'Linux',
    device_type: 'desktop',
    country: 'DE',
    ip_hash: 'abc123',
    tab_id: 'tab-1',
    clock_skew_ms: 12,
  });
  expect(byId.get('e2')).toMatchObject({
    target_x_ratio: 0.25,
    target_y_ratio: 0.5,
    target_width: 100,
    target_height: 40,
    viewport_width: 1024,
    document_height: 3000,
    interactive: 1,
    text_field: 0,
    pointer_type: 'mouse',
    reaction_observed_ms: 1000,
    dom_mutation_ms: 35,
    navigation_ms: -1,
    scroll_reaction_ms: -1,
    focus_change_ms: -1,
    selection_change_ms: -1,
  });
  expect(byId.get('e3')).toMatchObject({
    from_url: 'https://shop.example/',
    url: 'https://shop.example/cart',
  });
  expect(byId.get('e4')).toMatchObject({ scroll_depth_px: 1500, scroll_depth_percent: 50 });
  expect(byId.get('e5')).toMatchObject({ input_type: 'email', value_length: 17, selector: '#email' });
  expect(byId.get('e6')).toMatchObject({ sample_count: 3 });
  expect(byId.get('e7')).toMatchObject({
    error_kind: 'error',
    error_message: 'Item 41 missing',
    error_source: 'https://shop.example/app.js',
    error_line: 10,
    error_column: 7,
  });
  expect(byId.get('e8')).toMatchObject({ error_kind: 'unhandled_rejection' });
  expect(byId.get('e9')).toMatchObject({ vital_name: 'LCP', vital_value: 1234.5 });
  expect(byId.get('e10')).toMatchObject({ dns_ms: 3, ttfb_ms: 80, load_ms: 900, transfer_size: 12000 });
  expect(byId.get('e11')).toMatchObject({
    event_name: 'checkout',
    prop_keys: ['coupon', 'total'],
    prop_values: ['true', '9.5'],
  });
  expect(byId.get('e12')).toMatchObject({ user_id: 'user-7', prop_keys: ['plan'], prop_values: ['pro'] });
  expect(byId.get('e13')).toMatchObject({ dwell_ms: 4000, scroll_depth_px: 2000, scroll_depth_percent: 66 });

  const samples = await query<Row>(
    `SELECT sample_index, page_x, page_y, button_pressed, timestamp_ms FROM mouse_samples
     WHERE project_id = '${projectId}' ORDER BY sample_index LIMIT 1 BY event_id, sample_index`,
  );
  expect(samples).toEqual([
    { sample_index: 0, page_x: 1, page_y: 3, button_pressed: 0, timestamp_ms: t + 5 },
    { sample_index: 1, page_x: 30, page_y: 40, button_pressed: 1, timestamp_ms: t + 55 },
    { sample_index: 2, page_x: 60, page_y: 80, button_pressed: 0, timestamp_ms: t + 105 },
  ]);

  // Two errors differing in the number and the line group into one fingerprint,
  // each counted once although the batch was delivered twice.
  const groups = await query<{ fingerprint: string; occurrences: number }>(
    `SELECT fingerprint, uniqExact(event_id) AS occurrences FROM errors WHERE project_id = '${projectId}' GROUP BY fingerprint`,
  );
  expect(groups).toHaveLength(1);
  expect(groups[0]?.occurrences).toBe(2);
  await clickhouse.close();

  const base = `http://127.0.0.1:${processor.metricsPort}`;
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  const metrics = await (await fetch(`${base}/metrics`)).text();
  expect(metrics).toMatch(/gosight_processor_rows_written_total\{[^}]*topic="[^"]+\.events"[^}]*\} (\d+)/);
  expect(metrics).toMatch(/gosight_processor_consumer_lag\{[^}]*partition="\d+"[^}]*\} 0/);
  expect(metrics).toContain('gosight_processor_insert_seconds_bucket');
  expect(metrics).toContain('gosight_processor_batch_rows_bucket');
});
