import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const stackScript = fileURLToPath(new URL('../../deploy/local/stack.sh', import.meta.url));

export type Server = 'kafka' | 'clickhouse' | 'postgres' | 'redis';

// A stack of its own (data folder and ports), so that faults injected here
// never touch the servers development and tests use.
export function createPrivateStack(dataFolder: string, portBase: number) {
  const ports = {
    GOSIGHT_KAFKA_PORT: portBase + 92,
    GOSIGHT_KAFKA_CONTROLLER_PORT: portBase + 93,
    GOSIGHT_CLICKHOUSE_HTTP_PORT: portBase + 23,
    GOSIGHT_CLICKHOUSE_TCP_PORT: portBase + 24,
    GOSIGHT_POSTGRES_PORT: portBase + 32,
    GOSIGHT_REDIS_PORT: portBase + 79,
  };
  const env = {
    ...process.env,
    GOSIGHT_DATA: dataFolder,
    ...Object.fromEntries(Object.entries(ports).map(([key, value]) => [key, String(value)])),
  };
  const stack = async (...args: string[]) => (await run('bash', [stackScript, ...args], { env })).stdout;
  return {
    infraEnv: {
      GOSIGHT_KAFKA_BROKERS: `127.0.0.1:${ports.GOSIGHT_KAFKA_PORT}`,
      GOSIGHT_CLICKHOUSE_URL: `http://127.0.0.1:${ports.GOSIGHT_CLICKHOUSE_HTTP_PORT}`,
      GOSIGHT_POSTGRES_URL: `postgres://gosight:gosight@127.0.0.1:${ports.GOSIGHT_POSTGRES_PORT}/gosight`,
      GOSIGHT_REDIS_URL: `redis://127.0.0.1:${ports.GOSIGHT_REDIS_PORT}`,
    },
    up: (...servers: Server[]) => stack('up', ...servers),
    down: (...servers: Server[]) => stack('down', ...servers),
    async pid(server: Server): Promise<number> {
      const status = await stack('status', server).catch((error: { stdout?: string }) => error.stdout ?? '');
      const pid = /pid (\d+)/.exec(status)?.[1];
      if (!pid) throw new Error(`${server} is not running: ${status}`);
      return Number(pid);
    },
    // SIGKILL, as a crashed machine would: no clean shutdown.
    async kill(server: Server) {
      process.kill(await this.pid(server), 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}

export type PrivateStack = ReturnType<typeof createPrivateStack>;
