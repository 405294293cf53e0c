import type { FunnelStep, GetFunnelResponse } from '@gosight/proto/v1/analytics_service_pb';

// A funnel lives in the page URL so it can be shared as a link:
// ?step=url:/shop&step=click:%23buy&step=event:signup&window=60

export const STEP_KINDS = {
  url: { label: 'Page URL contains', placeholder: '/checkout', field: 'urlContains' },
  click: { label: 'Click on selector', placeholder: '#add-to-cart', field: 'clickSelector' },
  event: { label: 'Custom event', placeholder: 'signup', field: 'customEvent' },
} as const;
export type StepKind = keyof typeof STEP_KINDS;

export interface StepDraft {
  kind: StepKind;
  value: string;
}

export const MIN_STEPS = 2;
export const MAX_STEPS = 10;
export const DEFAULT_WINDOW_MINUTES = 60;

export function encodeStep(step: StepDraft): string {
  return `${step.kind}:${step.value}`;
}

/** One ?step= value; undefined when it names no known kind or has no value. */
export function decodeStep(text: string): StepDraft | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const kind = text.slice(0, colon);
  const value = text.slice(colon + 1).trim();
  if (!Object.hasOwn(STEP_KINDS, kind) || !value) return undefined;
  return { kind: kind as StepKind, value };
}

export interface FunnelParams {
  steps: StepDraft[];
  windowMinutes: number;
  /** ?step= values that were not understood, to tell the user. */
  invalid: string[];
}

export function parseFunnelParams(search: Record<string, string | string[] | undefined>): FunnelParams {
  const raw = search.step === undefined ? [] : ([] as string[]).concat(search.step);
  const steps: StepDraft[] = [];
  const invalid: string[] = [];
  for (const text of raw) {
    const step = decodeStep(text);
    if (step) steps.push(step);
    else invalid.push(text);
  }
  const windowText = Array.isArray(search.window) ? search.window[0] : search.window;
  const minutes = Number(windowText);
  return {
    steps: steps.slice(0, MAX_STEPS),
    windowMinutes: Number.isInteger(minutes) && minutes > 0 ? minutes : DEFAULT_WINDOW_MINUTES,
    invalid,
  };
}

/** The query string of a funnel (and its date range), steps in order. */
export function funnelSearch(steps: StepDraft[], windowMinutes: number, range: string): string {
  const search = new URLSearchParams();
  for (const step of steps)
    if (step.value.trim()) search.append('step', encodeStep({ ...step, value: step.value.trim() }));
  if (windowMinutes !== DEFAULT_WINDOW_MINUTES) search.set('window', String(windowMinutes));
  search.set('range', range);
  return search.toString();
}

/** GetFunnel's steps: each draft as the oneof case its kind names. */
export function toFunnelSteps(steps: StepDraft[]): Pick<FunnelStep, 'name' | 'match'>[] {
  return steps.map((step) => {
    const field = STEP_KINDS[step.kind].field;
    return { name: describeStep(step), match: { case: field, value: step.value } };
  });
}

export function describeStep(step: StepDraft): string {
  switch (step.kind) {
    case 'url':
      return `Page ${step.value}`;
    case 'click':
      return `Click ${step.value}`;
    case 'event':
      return `Event ${step.value}`;
  }
}

export interface FunnelRow {
  name: string;
  sessions: number;
  /** Of the first step's sessions, 0 to 1. */
  conversion: number;
  /** Share of the previous step's sessions lost here, 0 to 1 (0 for the first step). */
  dropOff: number;
  /** Sessions lost since the previous step. */
  lost: number;
}

export function funnelRows(response: Pick<GetFunnelResponse, 'steps'>): FunnelRow[] {
  return response.steps.map((step, index) => {
    const sessions = Number(step.sessions);
    const previous = index === 0 ? sessions : Number(response.steps[index - 1]!.sessions);
    return {
      name: step.name,
      sessions,
      conversion: step.conversion,
      dropOff: index === 0 ? 0 : step.dropOff,
      lost: Math.max(0, previous - sessions),
    };
  });
}
