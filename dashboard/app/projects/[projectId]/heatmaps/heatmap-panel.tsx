import { ApiErrorNotice, renderApiError } from '@/components/api-error-notice';
import { HeatmapControls } from '@/components/heatmap-controls';
import { ApiError } from '@/lib/api/client';
import { listHeatmapPages, type PageWithData } from '@/lib/api/heatmaps';
import type { HeatmapParams } from '@/lib/heatmap-params';
import type { ResolvedRange } from '@/lib/timeline-range';
import { HeatmapMaps } from './heatmap-maps';

export async function HeatmapPanel({
  projectId,
  choice,
  range,
}: {
  projectId: string;
  choice: HeatmapParams;
  range: ResolvedRange;
}) {
  let pages: PageWithData[] = [];
  let pagesError: ApiError | undefined;
  try {
    pages = await listHeatmapPages(projectId, range.fromMs, range.toMs);
  } catch (err) {
    if (!(err instanceof ApiError)) return renderApiError(err);
    pagesError = err;
  }
  const url = choice.url ?? pages[0]?.url;
  return (
    <>
      <HeatmapControls pages={pages} url={url} device={choice.device} range={range.key} mode={choice.mode} />
      {pagesError ? <ApiErrorNotice error={pagesError} /> : null}
      {url ? (
        <HeatmapMaps projectId={projectId} url={url} choice={choice} range={range} />
      ) : (
        <p className="notice" data-testid="heatmap-empty">
          No page views in {range.label.toLowerCase()} yet. Once the GoSight SDK records visits, pick one of
          their pages here, or type a page URL above.
        </p>
      )}
    </>
  );
}
