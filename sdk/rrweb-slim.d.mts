// Types of rrweb-slim.mjs for the TypeScript that imports it (tests, bench).
import type { Plugin } from 'esbuild';

export interface RrwebSlimOptions {
  // Record a text child replaced by another as a text change (default true).
  textSwaps?: boolean;
}

export function slimRrweb(source: string, options?: RrwebSlimOptions): string;
export function rrwebSlimPlugin(options?: RrwebSlimOptions): Plugin;
export const rrwebSlim: Plugin;
