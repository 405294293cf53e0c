import { processorConfigFrom } from './config.ts';
import { startProcessor } from './processor.ts';

const log = (line: string) => console.log(`[processor] ${line}`);
const config = processorConfigFrom(process.env, process.argv.slice(2));
const processor = await startProcessor(config, log);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: flushing and leaving the consumer groups`);
    await processor.stop();
    process.exit(0);
  });
}
