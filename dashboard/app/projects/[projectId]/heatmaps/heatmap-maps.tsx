import { Code } from '@connectrpc/connect';
import { renderApiError } from '@/components/api-error-notice';
import { HeatmapClickTable, HeatmapMovementSummary, HeatmapScrollTable } from '@/components/heatmap-tables';
import { HeatmapView } from '@/components/heatmap-view';
import { ApiError } from '@/lib/api/client';
import {
  getClickMap,
  getMovementMap,
  getPageSnapshot,
  getScrollMap,
  type HeatmapScope,
} from '@/lib/api/heatmaps';
import { DEVICE_CLASSES, type HeatmapParams } from '@/lib/heatmap-params';
import type { ResolvedRange } from '@/lib/timeline-range';

export async function HeatmapMaps({
  projectId,
  url,
  choice,
  range,
}: {
  projectId: string;
  url: string;
  choice: HeatmapParams;
  range: ResolvedRange;
}) {
  const scope: HeatmapScope = {
    projectId,
    url,
    viewportClass: DEVICE_CLASSES[choice.device].viewportClass,
    fromMs: range.fromMs,
    toMs: range.toMs,
  };
  try {
    const [clicks, scroll, movement, snapshot] = await Promise.all([
      getClickMap(scope),
      getScrollMap(scope),
      getMovementMap(scope),
      snapshotOf(scope, DEVICE_CLASSES[choice.device].label.toLowerCase()),
    ]);
    return (
      <HeatmapView
        key={`${url}|${choice.device}|${range.key}`}
        eventsJson={snapshot.eventsJson}
        snapshotNote={snapshot.note}
        device={choice.device}
        initialMode={choice.mode}
        clicks={clicks}
        scroll={scroll}
        movement={movement}
        tables={{
          click: <HeatmapClickTable map={clicks} />,
          scroll: <HeatmapScrollTable map={scroll} />,
          movement: <HeatmapMovementSummary map={movement} />,
        }}
      />
    );
  } catch (err) {
    return renderApiError(err);
  }
}

async function snapshotOf(
  scope: HeatmapScope,
  device: string,
): Promise<{ eventsJson: string | null; note: string | null }> {
  try {
    const snapshot = await getPageSnapshot(scope);
    if (snapshot.found) return { eventsJson: snapshot.eventsJson, note: null };
    return {
      eventsJson: null,
      note: `No recording of this page on ${device} in this range, so the maps are drawn on a blank page.`,
    };
  } catch (err) {
    if (err instanceof ApiError && err.code === Code.PermissionDenied) {
      return {
        eventsJson: null,
        note: 'Your role sees heatmaps but not recorded page content, so the maps are drawn on a blank page.',
      };
    }
    throw err;
  }
}
