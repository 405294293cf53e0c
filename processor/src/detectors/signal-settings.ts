import type { Pool } from '@gosight/common/postgres';
import { DETECTORS } from './registry.ts';
import type { ProjectThresholds } from './session-detectors.ts';
import { resolveThresholds } from './thresholds.ts';

export interface SignalSettings {
  // Resolved thresholds of each project, loading those not cached (or stale) in one query.
  thresholdsOf(projectIds: Iterable<string>): Promise<Map<string, ProjectThresholds>>;
}

// Reads project_signal_settings (PostgreSQL migration 0010) and caches each
// project's thresholds for ttlMs; a changed setting applies to sessions that
// start after the next read.
export function createSignalSettings(
  pool: Pool,
  options: { ttlMs: number; now: () => number; log: (line: string) => void },
): SignalSettings {
  const cache = new Map<string, { thresholds: ProjectThresholds; loadedAt: number }>();
  return {
    async thresholdsOf(projectIds) {
      const now = options.now();
      const wanted = [...new Set(projectIds)];
      const stale = wanted.filter((id) => {
        const entry = cache.get(id);
        return !entry || now - entry.loadedAt > options.ttlMs;
      });
      if (stale.length > 0) {
        const { rows } = await pool.query<{ project_id: string; signal: string; overrides: unknown }>(
          'SELECT project_id, signal, overrides FROM project_signal_settings WHERE project_id = ANY($1)',
          [stale],
        );
        for (const projectId of stale) {
          const thresholds = new Map();
          for (const definition of DETECTORS) {
            const row = rows.find((r) => r.project_id === projectId && r.signal === definition.signal);
            const resolved = resolveThresholds(definition, row?.overrides);
            for (const problem of resolved.problems) options.log(`project ${projectId}: ${problem}`);
            thresholds.set(definition.signal, resolved.thresholds);
          }
          cache.set(projectId, { thresholds, loadedAt: now });
        }
      }
      return new Map(wanted.map((id) => [id, cache.get(id)?.thresholds ?? new Map()]));
    },
  };
}
