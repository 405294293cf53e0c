import { ingestorConfigFrom } from './config.ts';
import { startIngestor } from './ingestor.ts';

const config = ingestorConfigFrom(process.env);
if (config.ipHashSecretGenerated)
  console.warn(
    '[ingestor] GOSIGHT_IP_HASH_SECRET is not set: using a random secret, so IP hashes change on restart and differ between instances',
  );
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
