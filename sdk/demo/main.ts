import { startDemoServer } from './server.ts';

const port = Number(process.env.GOSIGHT_DEMO_PORT ?? 7400);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`GOSIGHT_DEMO_PORT must be a port number, got ${process.env.GOSIGHT_DEMO_PORT}`);
}
const ingestUrl = process.env.GOSIGHT_INGEST_URL ?? 'http://127.0.0.1:7100';
const projectKey = process.env.GOSIGHT_DEMO_PROJECT_KEY ?? 'gs_demo_write_key';

const server = await startDemoServer({ port, ingestUrl, projectKey });
console.log(`demo shop on ${server.url}, sending to ${ingestUrl} with key ${projectKey}`);

const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
