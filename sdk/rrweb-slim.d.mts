// Types of rrweb-slim.mjs for the TypeScript that imports it (tests, bench).
import type { Plugin } from 'esbuild';

export function slimRrweb(source: string): string;
export const rrwebSlim: Plugin;
