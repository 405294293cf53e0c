import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Starts every GoSight process of a local stack as child processes: ingestor,
// processor (all roles), API, dashboard (next start, built beforehand) and the
// demo site. Used by `npm start` and by the end-to-end tests.

export interface ServicePorts {
  ingestor: number;
  api: number;
  dashboard: number;
  demo: number;
}

export interface ServicesOptions {
  ports: ServicePorts;
  // Infrastructure and naming settings (GOSIGHT_* variables) passed to every process.
  env: Record<string, string>;
  demoProjectKey: string;
  log(line: string): void;
}

export interface RunningServices {
  urls: { ingestor: string; api: string; dashboard: string; demo: string };
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = `${root}node_modules/.bin/tsx`;
const next = `${root}node_modules/.bin/next`;

export function startProcess(
  name: string,
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  log: (line: string) => void,
): ChildProcess {
  // Each service leads its own process group: tsx runs the service as a child
  // process, and a signal must reach that child too (see signalTree).
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const forward = (data: Buffer) => {
    for (const line of data.toString().split('\n')) if (line.trim()) log(`${name.padEnd(9)}| ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  child.on('exit', (code, signal) => log(`${name.padEnd(9)}| exited (${signal ?? code})`));
  return child;
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastError})`);
}

// Signals a service's whole process group (the tsx wrapper and the service under it).
export function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => signalTree(child, 'SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    signalTree(child, 'SIGTERM');
  });
}

export async function startServices(options: ServicesOptions): Promise<RunningServices> {
  const { ports, env, log } = options;
  const host = '127.0.0.1';
  const urls = {
    ingestor: `http://${host}:${ports.ingestor}`,
    api: `http://${host}:${ports.api}`,
    dashboard: `http://${host}:${ports.dashboard}`,
    demo: `http://${host}:${ports.demo}`,
  };
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
  };
  try {
    children.push(
      startProcess(
        'ingestor',
        tsx,
        ['src/main.ts'],
        `${root}ingestor`,
        { ...env, GOSIGHT_INGESTOR_PORT: String(ports.ingestor) },
        log,
      ),
      startProcess('processor', tsx, ['src/main.ts'], `${root}processor`, env, log),
      startProcess(
        'api',
        tsx,
        ['src/main.ts'],
        `${root}api`,
        { ...env, GOSIGHT_API_PORT: String(ports.api) },
        log,
      ),
      startProcess(
        'dashboard',
        next,
        ['start', '-H', host, '-p', String(ports.dashboard)],
        `${root}dashboard`,
        { ...env, GOSIGHT_API_URL: urls.api },
        log,
      ),
      startProcess(
        'demo',
        tsx,
        ['demo/main.ts'],
        `${root}sdk`,
        {
          ...env,
          GOSIGHT_DEMO_PORT: String(ports.demo),
          GOSIGHT_INGEST_URL: urls.ingestor,
          GOSIGHT_DEMO_PROJECT_KEY: options.demoProjectKey,
        },
        log,
      ),
    );
    await Promise.all([
      waitForHttp(`${urls.ingestor}/healthz`, 60_000),
      waitForHttp(`${urls.api}/healthz`, 60_000),
      waitForHttp(urls.dashboard, 60_000),
      waitForHttp(urls.demo, 60_000),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}
