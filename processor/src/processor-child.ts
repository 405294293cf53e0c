import { type ChildProcess, spawn } from 'node:child_process';
import type { InfraConfig } from '@gosight/common/infra-config';

// Test helper: the processor as `npx tsx processor/src/main.ts` in a process
// group of its own, so a SIGKILL reaches node behind npx too.
export interface ProcessorChild {
  process: ChildProcess;
  output: string[];
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const root = new URL('../../', import.meta.url).pathname;

export function spawnProcessor(
  infra: InfraConfig,
  roles: string,
  env: Record<string, string> = {},
): ProcessorChild {
  const child = spawn('npx', ['tsx', 'processor/src/main.ts', `--roles=${roles}`], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GOSIGHT_KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      GOSIGHT_TOPIC_PREFIX: infra.topicPrefix,
      GOSIGHT_CLICKHOUSE_URL: infra.clickhouseUrl,
      GOSIGHT_CLICKHOUSE_DB: infra.clickhouseDatabase,
      GOSIGHT_POSTGRES_URL: infra.postgresUrl,
      GOSIGHT_PROCESSOR_METRICS_PORT: '0',
      GOSIGHT_FLUSH_AGE_MS: '200',
      // The broker's minimum: a SIGKILLed member's partitions move on quickly.
      GOSIGHT_CONSUMER_SESSION_TIMEOUT_MS: '6000',
      ...env,
    },
  });
  const output: string[] = [];
  const waiters = new Set<() => void>();
  const collect = (data: Buffer) => {
    output.push(...data.toString().split('\n').filter(Boolean));
    for (const wake of waiters) wake();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = output.find((text) => pattern.test(text));
          if (line) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(line);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `no output line matching ${pattern} within ${timeoutMs} ms:\n${output.slice(-20).join('\n')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.pid) process.kill(-child.pid, signal);
      await exited;
    },
  };
}
