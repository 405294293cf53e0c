import { describe, expect, it } from 'vitest';
import { anomalyLimit, evaluateRule } from './evaluate-rule.ts';
import { type AlertRule, INITIAL_STATE, type RuleState } from './rule.ts';

const rule: AlertRule = {
  id: 'r1',
  projectId: 'p',
  name: 'Rage on checkout',
  metric: 'rage_clicks',
  urlPattern: null,
  condition: 'above',
  threshold: 10,
  anomalyFactor: 3,
  baselineWindows: 12,
  windowSeconds: 300,
  cooldownSeconds: 600,
  severity: 'warning',
  channelIds: ['c1'],
};
const firing: RuleState = { firing: true, incident: 'r1:1000', lastFiredAtMs: 1000 };
const recovered: RuleState = { firing: false, incident: 'r1:1000', lastFiredAtMs: 1000 };

describe('evaluateRule', () => {
  const cases: {
    name: string;
    rule?: Partial<AlertRule>;
    state: RuleState;
    value: number;
    baseline?: number[];
    now: number;
    transition: string;
    firingAfter: boolean;
  }[] = [
    {
      name: 'below the threshold stays quiet',
      state: INITIAL_STATE,
      value: 10,
      now: 5000,
      transition: 'none',
      firingAfter: false,
    },
    {
      name: 'above the threshold fires',
      state: INITIAL_STATE,
      value: 11,
      now: 5000,
      transition: 'fire',
      firingAfter: true,
    },
    {
      name: 'still above while firing does not fire again',
      state: firing,
      value: 50,
      now: 9000,
      transition: 'none',
      firingAfter: true,
    },
    {
      name: 'back under the threshold recovers',
      state: firing,
      value: 3,
      now: 9000,
      transition: 'recover',
      firingAfter: false,
    },
    {
      name: 'a new breach inside the cooldown is held back',
      state: recovered,
      value: 20,
      now: 1000 + 599_999,
      transition: 'none',
      firingAfter: false,
    },
    {
      name: 'a new breach after the cooldown fires',
      state: recovered,
      value: 20,
      now: 1000 + 600_000,
      transition: 'fire',
      firingAfter: true,
    },
    {
      name: '"below" fires under the threshold',
      rule: { condition: 'below', threshold: 5 },
      state: INITIAL_STATE,
      value: 4,
      now: 1,
      transition: 'fire',
      firingAfter: true,
    },
    {
      name: '"below" at the threshold is no breach',
      rule: { condition: 'below', threshold: 5 },
      state: INITIAL_STATE,
      value: 5,
      now: 1,
      transition: 'none',
      firingAfter: false,
    },
    {
      name: 'anomaly over mean + 3 sigma fires',
      rule: { condition: 'anomaly', threshold: 0 },
      state: INITIAL_STATE,
      value: 30,
      baseline: [10, 12, 8, 10],
      now: 1,
      transition: 'fire',
      firingAfter: true,
    },
    {
      name: 'anomaly within the usual spread is quiet',
      rule: { condition: 'anomaly', threshold: 0 },
      state: INITIAL_STATE,
      value: 14,
      baseline: [10, 12, 8, 10],
      now: 1,
      transition: 'none',
      firingAfter: false,
    },
    {
      name: 'anomaly needs at least the threshold',
      rule: { condition: 'anomaly', threshold: 50 },
      state: INITIAL_STATE,
      value: 30,
      baseline: [10, 12, 8, 10],
      now: 1,
      transition: 'none',
      firingAfter: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = evaluateRule(
        { ...rule, ...c.rule },
        c.state,
        { value: c.value, baseline: c.baseline ?? [] },
        c.now,
      );
      expect(result.transition.kind).toBe(c.transition);
      expect(result.state.firing).toBe(c.firingAfter);
    });
  }

  it('a firing and its recovery share one incident id', () => {
    const fired = evaluateRule(rule, INITIAL_STATE, { value: 11, baseline: [] }, 5000);
    const back = evaluateRule(rule, fired.state, { value: 0, baseline: [] }, 6000);
    expect(fired.transition).toEqual({ kind: 'fire', incident: 'r1:5000' });
    expect(back.transition).toEqual({ kind: 'recover', incident: 'r1:5000' });
  });

  it('a flat baseline still needs a jump of factor x 1 unit', () => {
    expect(anomalyLimit({ ...rule, threshold: 0 }, [4, 4, 4])).toBe(7);
  });
});
