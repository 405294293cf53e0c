'use client';

import { usePathname, useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import {
  funnelSearch,
  MAX_STEPS,
  MIN_STEPS,
  STEP_KINDS,
  type StepDraft,
  type StepKind,
} from '@/lib/funnel-steps';
import { RANGES, type RangeKey } from '@/lib/timeline-range';
import styles from './funnel-builder.module.css';

type Row = StepDraft & { id: number };

let nextId = 0;
const row = (step: StepDraft): Row => ({ ...step, id: nextId++ });

/** Edits the ordered steps; "Show funnel" puts them in the URL, which the page reads. */
export function FunnelBuilder(props: { steps: StepDraft[]; windowMinutes: number; range: RangeKey }) {
  const router = useRouter();
  const pathname = usePathname();
  const [rows, setRows] = useState<Row[]>(() => {
    const initial = props.steps.map(row);
    while (initial.length < MIN_STEPS) initial.push(row({ kind: 'url', value: '' }));
    return initial;
  });
  const [windowMinutes, setWindowMinutes] = useState(props.windowMinutes);
  const [range, setRange] = useState<RangeKey>(props.range);

  const update = (id: number, change: Partial<StepDraft>) =>
    setRows((current) => current.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const move = (index: number, by: number) =>
    setRows((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(index + by, 0, moved);
      return next;
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    router.push(`${pathname}?${funnelSearch(rows, windowMinutes, range)}`);
  }

  return (
    <form className={styles.builder} onSubmit={submit} data-testid="funnel-builder">
      <ol className={styles.steps}>
        {rows.map((r, index) => (
          <li key={r.id} className={styles.step} data-testid="funnel-step-editor">
            <label>
              Step {index + 1} type
              <select value={r.kind} onChange={(e) => update(r.id, { kind: e.target.value as StepKind })}>
                {(Object.keys(STEP_KINDS) as StepKind[]).map((kind) => (
                  <option key={kind} value={kind}>
                    {STEP_KINDS[kind].label}
                  </option>
                ))}
              </select>
            </label>
            <label className={styles.value}>
              Step {index + 1} match
              <input
                value={r.value}
                required
                placeholder={STEP_KINDS[r.kind].placeholder}
                onChange={(e) => update(r.id, { value: e.target.value })}
              />
            </label>
            <button
              type="button"
              onClick={() => move(index, -1)}
              disabled={index === 0}
              aria-label={`Move step ${index + 1} up`}
            >
              ↑
            </button>
            <button
              type="button"
              onClick={() => move(index, 1)}
              disabled={index === rows.length - 1}
              aria-label={`Move step ${index + 1} down`}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => setRows((current) => current.filter((other) => other.id !== r.id))}
              disabled={rows.length <= MIN_STEPS}
              aria-label={`Remove step ${index + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className={styles.footer}>
        <button
          type="button"
          onClick={() => setRows((current) => [...current, row({ kind: 'url', value: '' })])}
          disabled={rows.length >= MAX_STEPS}
        >
          Add step
        </button>
        <label>
          Window (minutes from first to last step)
          <input
            type="number"
            min={1}
            max={10_080}
            value={windowMinutes}
            onChange={(e) => setWindowMinutes(Math.max(1, Number(e.target.value) || 1))}
          />
        </label>
        <label>
          Date range
          <select value={range} onChange={(e) => setRange(e.target.value as RangeKey)}>
            {(Object.keys(RANGES) as RangeKey[]).map((key) => (
              <option key={key} value={key}>
                {RANGES[key].label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={styles.primary}>
          Show funnel
        </button>
      </div>
    </form>
  );
}
