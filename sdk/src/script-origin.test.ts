import { describe, expect, it } from 'vitest';
import { findScriptOrigin, findScriptUrl, type ScriptDocument } from './script-origin.ts';

const doc = (scripts: string[], currentScript: string | null = null): ScriptDocument => ({
  baseURI: 'https://shop.example/products/',
  currentScript: currentScript === null ? null : { src: currentScript },
  getElementsByTagName: () => scripts.map((src) => ({ src })),
});

describe('findScriptOrigin', () => {
  const cases: { name: string; doc: ScriptDocument; origin: string | undefined }[] = [
    {
      name: 'the running script',
      doc: doc([], 'https://cdn.gosight.example/v1/sdk.js'),
      origin: 'https://cdn.gosight.example',
    },
    {
      name: 'the script ending in /sdk.js',
      doc: doc(['https://analytics.other/a.js', '', 'https://gs.example:8443/sdk.js?v=3']),
      origin: 'https://gs.example:8443',
    },
    { name: 'a relative src', doc: doc(['/sdk.js']), origin: 'https://shop.example' },
    {
      name: 'no match',
      doc: doc(['https://x.example/mysdk.js.map', 'https://x.example/app.js']),
      origin: undefined,
    },
  ];
  it.each(cases)('$name', ({ doc, origin }) => {
    expect(findScriptOrigin(doc)).toBe(origin);
  });
});

describe('findScriptUrl', () => {
  it('resolves the replay file next to sdk.js', () => {
    const url = findScriptUrl(doc(['/static/gs/sdk.js?v=3']));
    expect(url && new URL('sdk-replay.js', url).href).toBe('https://shop.example/static/gs/sdk-replay.js');
  });
});
