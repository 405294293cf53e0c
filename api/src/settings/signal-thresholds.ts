import { Code, ConnectError } from '@connectrpc/connect';

// The thresholds the processor's detectors accept (processor/src/detectors,
// *_DEFAULTS), with the ranges the Settings form and the API allow.
// signal-thresholds.test.ts checks the names and defaults against the
// processor's own, so the two cannot drift apart.
export interface ThresholdSpec {
  name: string;
  description: string;
  default: number | boolean;
  min: number;
  max: number;
  unit: string;
}

export const SIGNALS = ['rage_click', 'dead_click', 'error_click', 'thrashed_cursor'] as const;
export type SignalName = (typeof SIGNALS)[number];

const flag = (name: string, description: string, value: boolean): ThresholdSpec => ({
  name,
  description,
  default: value,
  min: 0,
  max: 1,
  unit: '',
});

export const THRESHOLDS: Record<SignalName, readonly ThresholdSpec[]> = {
  rage_click: [
    {
      name: 'minClicks',
      description: 'At least this many clicks',
      default: 5,
      min: 2,
      max: 50,
      unit: 'clicks',
    },
    {
      name: 'windowMs',
      description: 'within this time of the first',
      default: 2000,
      min: 100,
      max: 60_000,
      unit: 'ms',
    },
    {
      name: 'radiusPx',
      description: 'each this close to the first',
      default: 30,
      min: 1,
      max: 1000,
      unit: 'px',
    },
  ],
  dead_click: [
    {
      name: 'reactionWindowMs',
      description: 'Dead when the page shows no reaction within',
      default: 1000,
      min: 100,
      max: 30_000,
      unit: 'ms',
    },
    {
      name: 'repeatWindowMs',
      description: 'A click on the same element this soon again is a repeat',
      default: 1000,
      min: 0,
      max: 30_000,
      unit: 'ms',
    },
    flag('interactiveOnly', 'Count only clicks on links, buttons and controls', true),
  ],
  error_click: [
    {
      name: 'errorWindowMs',
      description: 'An uncaught error at most this long after a click',
      default: 1000,
      min: 100,
      max: 30_000,
      unit: 'ms',
    },
  ],
  thrashed_cursor: [
    {
      name: 'windowMs',
      description: 'Sliding window over the mouse path',
      default: 1500,
      min: 200,
      max: 30_000,
      unit: 'ms',
    },
    {
      name: 'minReversals',
      description: 'At least this many sharp direction reversals',
      default: 4,
      min: 1,
      max: 100,
      unit: 'reversals',
    },
    {
      name: 'reversalDegrees',
      description: 'sharper than this angle',
      default: 120,
      min: 1,
      max: 180,
      unit: '°',
    },
    {
      name: 'minPathPx',
      description: 'on a path at least this long',
      default: 400,
      min: 0,
      max: 100_000,
      unit: 'px',
    },
    {
      name: 'minSpeedPxPerS',
      description: 'covered at least this fast',
      default: 500,
      min: 0,
      max: 100_000,
      unit: 'px/s',
    },
    {
      name: 'minStepPx',
      description: 'Movement shorter than this is one stretch',
      default: 10,
      min: 0,
      max: 1000,
      unit: 'px',
    },
  ],
};

export function signalName(signal: string): SignalName {
  const found = SIGNALS.find((name) => name === signal);
  if (!found) {
    throw new ConnectError(
      `signal must be one of ${SIGNALS.join(', ')}; got "${signal}"`,
      Code.InvalidArgument,
    );
  }
  return found;
}

// The overrides to store for a signal: values equal to the default are left
// out; a name the detector does not know or a value out of range is refused.
export function validateThresholds(
  signal: SignalName,
  values: Record<string, number>,
): Record<string, number | boolean> {
  const specs = THRESHOLDS[signal];
  const overrides: Record<string, number | boolean> = {};
  for (const [name, value] of Object.entries(values)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      throw new ConnectError(
        `${signal}.${name} is not a threshold; known: ${specs.map((s) => s.name).join(', ')}`,
        Code.InvalidArgument,
      );
    }
    if (typeof spec.default === 'boolean') {
      if (value !== 0 && value !== 1) {
        throw new ConnectError(
          `${signal}.${name} must be 0 (no) or 1 (yes); got ${value}`,
          Code.InvalidArgument,
        );
      }
      if (Boolean(value) !== spec.default) overrides[name] = Boolean(value);
      continue;
    }
    if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
      throw new ConnectError(
        `${signal}.${name} must be between ${spec.min} and ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}; got ${value}`,
        Code.InvalidArgument,
      );
    }
    if (value !== spec.default) overrides[name] = value;
  }
  return overrides;
}
