import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const SDK_DIR = fileURLToPath(new URL('..', import.meta.url));

// A script for a test page: `entry`, JavaScript importing the SDK's packages
// and sources (resolved from sdk/), bundled into one IIFE.
export async function pageScript(entry: string, plugins: Plugin[] = [], minify = false): Promise<string> {
  const out = await build({
    stdin: { contents: entry, resolveDir: SDK_DIR, loader: 'js' },
    bundle: true,
    minify,
    format: 'iife',
    write: false,
    plugins,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
