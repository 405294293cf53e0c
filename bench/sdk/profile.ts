// The SDK's share of a CDP sampling profile: the time of samples whose top
// frame is a function of sdk.js, sdk-extras.js or sdk-replay.js (self time),
// and of samples with such a function anywhere in their stack (the SDK's
// functions and the browser's own that they call: DOM getters, closest(),
// WeakMap.set), and which functions those were, named from the build's
// source maps (build.mjs --sourcemap) so that rrweb's and the SDK's own
// functions can be told apart.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';

export type Profile = {
  nodes: {
    id: number;
    callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
};

const SDK_FILE = /\/(sdk(?:-extras|-replay)?\.js)$/;

export function createSdkProfileTally(distDir: string) {
  // Self microseconds per function, over every profile tallied.
  const hot = new Map<string, number>();
  const maps = new Map<string, SourceMapConsumer | undefined>();
  const consumer = (file: string) => {
    if (!maps.has(file)) {
      const path = `${distDir}${file}.map`;
      maps.set(
        file,
        existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8'))) : undefined,
      );
    }
    return maps.get(file);
  };
  const name = (frame: Profile['nodes'][number]['callFrame'], file: string) => {
    const at = `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    const original = consumer(file)?.originalPositionFor({
      line: frame.lineNumber + 1,
      column: frame.columnNumber,
    });
    if (!original?.source || original.line == null) return `${frame.functionName || '(anonymous)'} ${at}`;
    const source = original.source.replace(/.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
    // The function's first source line names it better than the map's names.
    const line = consumer(file)?.sourceContentFor(original.source, true)?.split('\n')[original.line - 1];
    return `${(line ?? '').trim().slice(0, 60)}  ${source}:${original.line} (${at})`;
  };

  return {
    hot,
    // Seconds of the profile spent in the SDK's own functions, and in
    // anything but (idle). Samples are wall-clock: on a busy machine they
    // also count time the thread was descheduled in the middle of a function.
    selfSeconds(profile: Profile): { sdk: number; inSdk: number; busy: number } {
      const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
      const parents = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
      // Whether a node's stack has an SDK function anywhere: the browser's
      // own functions the SDK calls (closest, childNodes, WeakMap.set) are
      // nodes of their own, under the SDK function that called them.
      const underSdk = new Map<number, boolean>();
      const inSdkStack = (id: number): boolean => {
        let known = underSdk.get(id);
        if (known === undefined) {
          const parent = parents.get(id);
          known = SDK_FILE.test(nodes.get(id)?.url ?? '') || (parent !== undefined && inSdkStack(parent));
          underSdk.set(id, known);
        }
        return known;
      };
      const samples = profile.samples ?? [];
      const deltas = profile.timeDeltas ?? [];
      let micros = 0;
      let inSdk = 0;
      let busy = 0;
      // timeDeltas[i] is the time before sample i; a sample stands for the next delta.
      for (let i = 0; i < samples.length; i++) {
        const frame = nodes.get(samples[i]!);
        const delta = deltas[i + 1] ?? 0;
        if (frame?.functionName !== '(idle)') busy += delta;
        if (!inSdkStack(samples[i]!)) continue;
        inSdk += delta;
        const file = frame?.url.match(SDK_FILE)?.[1];
        if (!frame) continue;
        if (!file) {
          const key = `browser: ${frame.functionName || '(anonymous)'}, called by the SDK`;
          hot.set(key, (hot.get(key) ?? 0) + delta);
          continue;
        }
        micros += delta;
        const key = name(frame, file);
        hot.set(key, (hot.get(key) ?? 0) + delta);
      }
      return { sdk: micros / 1e6, inSdk: inSdk / 1e6, busy: busy / 1e6 };
    },
  };
}
