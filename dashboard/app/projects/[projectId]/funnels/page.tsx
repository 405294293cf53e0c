import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FunnelBuilder } from '@/components/funnel-builder';
import { PanelSkeleton } from '@/components/skeletons';
import { MIN_STEPS, parseFunnelParams } from '@/lib/funnel-steps';
import { resolveRange } from '@/lib/timeline-range';
import { FunnelResults } from './funnel-results';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Funnels' };

type Search = Record<string, string | string[] | undefined>;

export default async function FunnelsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Search>;
}) {
  const { projectId } = await params;
  const search = await searchParams;
  const funnel = parseFunnelParams(search);
  const range = resolveRange(search.range, Date.now());
  const key = JSON.stringify([funnel.steps, funnel.windowMinutes, range.key]);
  return (
    <>
      <div className="page-head">
        <h1>Funnels</h1>
        <span className="muted">
          How many sessions go through your steps in order · {range.label} · the steps live in this
          page&apos;s address, so copy it to share the funnel
        </span>
      </div>
      <FunnelBuilder key={key} steps={funnel.steps} windowMinutes={funnel.windowMinutes} range={range.key} />
      {funnel.invalid.length > 0 ? (
        <div className="notice notice-error" role="alert">
          Ignored step(s) not understood: {funnel.invalid.join(', ')}. A step is url:…, click:… or event:….
        </div>
      ) : null}
      {funnel.steps.length < MIN_STEPS ? (
        <p className="notice" data-testid="funnel-empty">
          Add at least two steps — for example a page URL such as /pricing, then a click on #signup — and
          choose Show funnel to see how many sessions convert and where they drop off.
        </p>
      ) : (
        <Suspense key={key} fallback={<PanelSkeleton height={360} />}>
          <FunnelResults
            query={{
              projectId,
              steps: funnel.steps,
              windowMinutes: funnel.windowMinutes,
              fromMs: range.fromMs,
              toMs: range.toMs,
            }}
          />
        </Suspense>
      )}
    </>
  );
}
