import type { record } from '@rrweb/record';

// rrweb's record options for every recording the SDK makes; the Chromium
// tests of rrweb-slim.mjs and bench/sdk/mutations.ts record with them too.
// rrweb-slim.mjs tests each selector together with rrweb's default class
// (rr-block, rr-mask) as one selector list: both selectors must stay set.
export const RECORD_OPTIONS: Omit<NonNullable<Parameters<typeof record>[0]>, 'emit'> = {
  maskAllInputs: true,
  blockSelector: '[data-gosight-block]',
  maskTextSelector: '[data-gosight-mask]',
  sampling: { mousemove: 50, scroll: 150, media: 800, input: 'last' },
  slimDOMOptions: { script: true, comment: true, headFavicon: true, headMetaDescKeywords: true },
};
