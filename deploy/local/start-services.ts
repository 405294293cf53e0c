import { startDemoTraffic } from './demo-traffic.ts';
import { startServices } from './services.ts';

// `npm start` ends here: runs every GoSight process until Ctrl-C.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[0].startsWith('GOSIGHT_') && entry[1] !== undefined,
  ),
);
const log = (line: string) => console.log(line);
const services = await startServices({
  ports: { ingestor: 7100, api: 7200, dashboard: 7300, demo: 7400 },
  env,
  demoProjectKey: env.GOSIGHT_DEMO_PROJECT_KEY ?? 'gs_demo_write_key',
  log,
});
// A visit every 20 s by default; GOSIGHT_DEMO_VISIT_INTERVAL_MS=0 turns the visitors off.
const visitInterval = Number(env.GOSIGHT_DEMO_VISIT_INTERVAL_MS ?? 20_000);
if (!Number.isFinite(visitInterval) || visitInterval < 0) {
  console.error(
    `GOSIGHT_DEMO_VISIT_INTERVAL_MS must be a number of milliseconds >= 0, got "${env.GOSIGHT_DEMO_VISIT_INTERVAL_MS}"`,
  );
  await services.stop();
  process.exit(2);
}
const traffic =
  visitInterval > 0
    ? await startDemoTraffic(services.urls.demo, visitInterval, log)
    : { stop: async () => {} };
console.log(`
GoSight is running.
  Demo site (click around here):  ${services.urls.demo}
    a headless browser also visits it every ${visitInterval / 1000} s (GOSIGHT_DEMO_VISIT_INTERVAL_MS=0: off)
  Dashboard (watch the replays):  ${services.urls.dashboard}
    sign in as demo@gosight.local, password "gosight demo"
  Ingestor (Connect/gRPC/gRPC-Web): ${services.urls.ingestor}
  API (Connect/gRPC/gRPC-Web):    ${services.urls.api}
Ctrl-C stops the services; 'npm run stack down' stops Kafka, ClickHouse, PostgreSQL and Redis.
`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    console.log('stopping GoSight services…');
    await traffic.stop();
    await services.stop();
    process.exit(0);
  });
}
