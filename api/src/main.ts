import { startApi } from './api.ts';
import { apiConfigFrom } from './config.ts';

const config = apiConfigFrom(process.env);
const api = await startApi(config);
console.log(`[api] listening on http://${config.host}:${api.port} (Connect, gRPC, gRPC-Web)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await api.stop();
    process.exit(0);
  });
}
