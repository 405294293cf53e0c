import type { AlertRule, RuleState } from './rule.ts';

export interface Measurement {
  value: number;
  // The same metric over the trailing windows before this one (anomaly rules).
  baseline: number[];
}

export type Transition =
  | { kind: 'none' }
  | { kind: 'fire'; incident: string }
  | { kind: 'recover'; incident: string };

export interface Evaluation {
  breached: boolean;
  // What the value was compared with: the threshold, or the anomaly bound.
  limit: number;
  state: RuleState;
  transition: Transition;
}

export function anomalyLimit(rule: AlertRule, baseline: number[]): number {
  if (baseline.length === 0) return Math.max(rule.threshold, 0);
  const mean = baseline.reduce((sum, value) => sum + value, 0) / baseline.length;
  const variance = baseline.reduce((sum, value) => sum + (value - mean) ** 2, 0) / baseline.length;
  // A flat baseline would make any change an anomaly; one unit of spread at least.
  const spread = Math.max(Math.sqrt(variance), 1);
  return Math.max(mean + rule.anomalyFactor * spread, rule.threshold);
}

// Decides, from one measurement, whether a rule starts firing (once per
// breach, not within the cooldown after the last firing) or recovers.
export function evaluateRule(
  rule: AlertRule,
  state: RuleState,
  measurement: Measurement,
  nowMs: number,
): Evaluation {
  const limit = rule.condition === 'anomaly' ? anomalyLimit(rule, measurement.baseline) : rule.threshold;
  const breached = rule.condition === 'below' ? measurement.value < limit : measurement.value > limit;
  if (breached && !state.firing) {
    const inCooldown = state.incident !== null && nowMs - state.lastFiredAtMs < rule.cooldownSeconds * 1000;
    if (inCooldown) {
      return { breached, limit, state, transition: { kind: 'none' } };
    }
    const incident = `${rule.id}:${nowMs}`;
    return {
      breached,
      limit,
      state: { firing: true, incident, lastFiredAtMs: nowMs },
      transition: { kind: 'fire', incident },
    };
  }
  if (!breached && state.firing && state.incident) {
    return {
      breached,
      limit,
      state: { ...state, firing: false },
      transition: { kind: 'recover', incident: state.incident },
    };
  }
  return { breached, limit, state, transition: { kind: 'none' } };
}
