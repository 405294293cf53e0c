import type { Insight } from '@gosight/proto/v1/insights_pb';
import { DETECTOR_ROLE_DEFAULTS } from '../../detector-role.ts';
import { createDetectorEngine } from '../detector-engine.ts';
import { DETECTORS } from '../registry.ts';
import type { CorpusLabel, LoadedFixture } from './fixture.ts';

export interface SignalScore {
  signal: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface ScenarioResult {
  scenario: string;
  expected: CorpusLabel[];
  detected: CorpusLabel[];
}

const SIGNALS = new Map(DETECTORS.map((definition) => [definition.type, definition.signal]));

// Replays a fixture through the detector engine as the role would: records in
// arrival order, the clock ticking every tickMs in between.
export function detectFixture(fixture: LoadedFixture): Insight[] {
  const engine = createDetectorEngine(DETECTOR_ROLE_DEFAULTS);
  const insights: Insight[] = [];
  let clock = fixture.records[0]?.arrivalMs ?? 0;
  fixture.records.forEach(({ arrivalMs, record }, offset) => {
    for (; clock < arrivalMs; clock += DETECTOR_ROLE_DEFAULTS.tickMs) insights.push(...engine.tick(clock));
    insights.push(...engine.add(record, { partition: 0, offset: String(offset) }, new Map(), arrivalMs));
  });
  insights.push(...engine.tick(Number.MAX_SAFE_INTEGER));
  return insights;
}

const labelKey = (label: CorpusLabel) => `${label.signal} ${label.selector ?? ''}`;

// Matches detections to labels by signal and (for click signals) selector.
export function scoreCorpus(fixtures: LoadedFixture[]): { scores: SignalScore[]; results: ScenarioResult[] } {
  const counts = new Map(DETECTORS.map((d) => [d.signal, { tp: 0, fp: 0, fn: 0 }]));
  const results: ScenarioResult[] = [];
  for (const fixture of fixtures) {
    const detected = detectFixture(fixture).map((insight) => {
      const signal = SIGNALS.get(insight.type) ?? 'unspecified';
      return signal === 'thrashed_cursor' ? { signal } : { signal, selector: insight.selector };
    });
    results.push({ scenario: fixture.scenario, expected: fixture.labels, detected });
    const remaining = [...fixture.labels.map(labelKey)];
    for (const label of detected) {
      const count = counts.get(label.signal);
      if (!count) continue;
      const index = remaining.indexOf(labelKey(label));
      if (index >= 0) {
        remaining.splice(index, 1);
        count.tp++;
      } else count.fp++;
    }
    for (const key of remaining) {
      const count = counts.get(key.split(' ')[0] as string);
      if (count) count.fn++;
    }
  }
  const scores = [...counts].map(([signal, { tp, fp, fn }]) => ({
    signal,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  }));
  return { scores, results };
}
