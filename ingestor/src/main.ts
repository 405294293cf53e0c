import { ingestorConfigFrom } from './config.ts';
import { startIngestor } from './ingestor.ts';

const config = ingestorConfigFrom(process.env);
const ingestor = await startIngestor(config);
console.log(`[ingestor] listening on http://${config.host}:${ingestor.port} (Connect, gRPC, gRPC-Web)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`[ingestor] ${signal}: draining requests and flushing the producer`);
    await ingestor.stop();
    process.exit(0);
  });
}
