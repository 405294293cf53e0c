import { readdirSync, readFileSync } from 'node:fs';
import { fromJson, type JsonValue } from '@bufbuild/protobuf';
import { type EventBatchRecord, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';

// A signal the scenario must produce; selector given for click signals.
export interface CorpusLabel {
  signal: string;
  selector?: string;
}

// One scripted scenario recorded in Chromium: what the SDK sent, as the
// records the ingestor publishes, with when each reached the receiver.
export interface CorpusFixture {
  scenario: string;
  description: string;
  device: 'mouse' | 'touch';
  labels: CorpusLabel[];
  recordedWith: string;
  records: { arrivalMs: number; record: JsonValue }[];
}

export interface LoadedFixture extends Omit<CorpusFixture, 'records'> {
  records: { arrivalMs: number; record: EventBatchRecord }[];
}

export const FIXTURES_DIR = new URL('./fixtures/', import.meta.url);

export function loadFixtures(): LoadedFixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const fixture = JSON.parse(readFileSync(new URL(file, FIXTURES_DIR), 'utf8')) as CorpusFixture;
      return {
        ...fixture,
        records: fixture.records.map(({ arrivalMs, record }) => ({
          arrivalMs,
          record: fromJson(EventBatchRecordSchema, record),
        })),
      };
    });
}
