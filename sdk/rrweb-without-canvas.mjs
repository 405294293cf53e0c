// esbuild plugin: drops rrweb's canvas recording (its 2D/WebGL observers and
// the inlined web worker, ~3.5 KB gzipped) from @rrweb/record. The SDK never
// sets recordCanvas, so that code never runs; the stub keeps the calls rrweb
// makes on its CanvasManager when canvas recording is off. Pinned to the
// @rrweb/record version in package.json: the build fails if the code it cuts
// is not found exactly as expected.
import { readFile } from 'node:fs/promises';

const START = '\nvar chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";\nvar lookup';
const END = '\nclass StylesheetManager {';
const STUB = '\nclass CanvasManager { reset() {} freeze() {} unfreeze() {} lock() {} unlock() {} }';

export const rrwebWithoutCanvas = {
  name: 'rrweb-without-canvas',
  setup(build) {
    build.onLoad({ filter: /@rrweb[\\/]record[\\/]dist[\\/]record\.js$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const start = code.indexOf(START);
      const end = code.indexOf(END);
      if (start === -1 || end < start || code.indexOf(START, start + 1) !== -1) {
        throw new Error(`rrweb-without-canvas: unexpected ${args.path}; check the @rrweb/record version`);
      }
      const cut = code.slice(start, end);
      for (const name of [
        'class CanvasManager',
        'function WorkerWrapper',
        'function initCanvas2DMutationObserver',
      ]) {
        if (!cut.includes(name)) throw new Error(`rrweb-without-canvas: ${name} not in the cut region`);
      }
      return { contents: code.slice(0, start) + STUB + code.slice(end), loader: 'js' };
    });
  },
};
