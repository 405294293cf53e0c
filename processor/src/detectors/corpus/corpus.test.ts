import { describe, expect, it } from 'vitest';
import { scoreCorpus } from './evaluate.ts';
import { loadFixtures } from './fixture.ts';

// The labelled corpus recorded in Chromium (record.ts): every detector over
// every scenario, scored per signal.
describe('detector accuracy on the recorded corpus', () => {
  const fixtures = loadFixtures();
  const { scores, results } = scoreCorpus(fixtures);

  it('covers every signal with positive and negative scenarios', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    for (const score of scores) expect(score.truePositives + score.falseNegatives).toBeGreaterThanOrEqual(2);
    expect(fixtures.filter((fixture) => fixture.labels.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each(results.map((result) => [result.scenario, result]))('%s', (_, result) => {
    const sort = (labels: { signal: string; selector?: string }[]) =>
      labels.map((l) => `${l.signal} ${l.selector ?? ''}`.trim()).sort();
    expect(sort(result.detected)).toEqual(sort(result.expected));
  });

  it('reaches precision and recall >= 0.95 for each signal', () => {
    console.table(
      scores.map((s) => ({ ...s, precision: s.precision.toFixed(3), recall: s.recall.toFixed(3) })),
    );
    for (const score of scores) {
      expect(score.precision, `${score.signal} precision`).toBeGreaterThanOrEqual(0.95);
      expect(score.recall, `${score.signal} recall`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
