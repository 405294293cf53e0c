import type { DetectorDefinition, Thresholds } from './types.ts';

export type ThresholdProblem = string;

// The thresholds a project gets: the defaults, with each override that names a
// known threshold and has the default's type. Unknown names and wrong types are
// reported (and ignored) rather than thrown, so a bad setting never stops detection.
export function resolveThresholds(
  definition: DetectorDefinition,
  overrides: unknown,
): { thresholds: Thresholds; problems: ThresholdProblem[] } {
  const thresholds: Thresholds = { ...definition.defaults };
  const problems: ThresholdProblem[] = [];
  if (overrides === undefined || overrides === null) return { thresholds, problems };
  if (typeof overrides !== 'object' || Array.isArray(overrides)) {
    return { thresholds, problems: [`${definition.signal}: overrides must be an object`] };
  }
  for (const [name, value] of Object.entries(overrides)) {
    const fallback = definition.defaults[name];
    if (fallback === undefined) problems.push(`${definition.signal}: unknown threshold ${name}`);
    else if (typeof fallback === 'boolean') {
      if (typeof value === 'boolean') thresholds[name] = value;
      else problems.push(`${definition.signal}.${name} must be true or false`);
    } else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) thresholds[name] = value;
    else problems.push(`${definition.signal}.${name} must be a number >= 0`);
  }
  return { thresholds, problems };
}
