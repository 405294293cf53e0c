import type { ClickHouseClient } from '@gosight/common/clickhouse';
import type { ProjectSettingsSource } from '../project-settings.ts';
import { enforceRetention } from './retention.ts';

export interface RetentionJob {
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

// Enforces retention now and then every intervalMs. A failed run is logged and
// tried again at the next interval; nothing depends on it finishing.
export function startRetentionJob(
  clickhouse: ClickHouseClient,
  projects: ProjectSettingsSource,
  intervalMs: number,
  log: (line: string) => void,
): RetentionJob {
  let running: Promise<void> = Promise.resolve();
  const runOnce = () => {
    running = running.then(async () => {
      try {
        const result = await enforceRetention(clickhouse, await projects.all(), Date.now());
        if (result.droppedPartitions.length > 0 || result.mutations.length > 0)
          log(
            `retention: dropped ${result.droppedPartitions.join(', ') || 'no partitions'}; deleting ${result.mutations.join(', ') || 'nothing else'}`,
          );
      } catch (error) {
        log(`retention run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return running;
  };
  const first = setTimeout(runOnce, 5_000);
  const timer = setInterval(runOnce, intervalMs);
  return {
    runOnce,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
