import { expect, it } from 'vitest';
import { type AlertContext, escapeHtml, firingMessage, recoveryMessage } from './format-message.ts';
import type { AlertRule } from './rule.ts';

const rule: AlertRule = {
  id: 'r1',
  projectId: 'shop',
  name: 'Rage <checkout> & pay',
  metric: 'rage_clicks',
  urlPattern: '*/checkout*',
  condition: 'above',
  threshold: 10,
  anomalyFactor: 3,
  baselineWindows: 12,
  windowSeconds: 300,
  cooldownSeconds: 600,
  severity: 'critical',
  channelIds: [],
};
const context: AlertContext = {
  projectName: 'Shop "EU"',
  value: 14,
  limit: 10,
  topPage: 'https://shop.example/checkout?a=1&b=2',
  topElement: 'button#pay',
  exampleSessionId: 's-1',
  exampleTimestampMs: 1700000000000,
  dashboardUrl: 'https://gosight.example/',
};

it('escapes what Telegram would read as markup', () => {
  expect(escapeHtml('<b>a & "b"</b>')).toBe('&lt;b&gt;a &amp; &quot;b&quot;&lt;/b&gt;');
});

it('names project, metric, value against threshold, window, top page and element, with links', () => {
  expect(firingMessage(rule, context)).toBe(
    [
      '🔴 <b>CRITICAL: Rage &lt;checkout&gt; &amp; pay</b>',
      'Project: <b>Shop &quot;EU&quot;</b>',
      'Rage clicks: <b>14</b> rage clicks in the last 5 min (threshold &gt; 10)',
      'Pages: <code>*/checkout*</code>',
      'Top page: https://shop.example/checkout?a=1&amp;b=2',
      'Top element: <code>button#pay</code>',
      '<a href="https://gosight.example/projects/shop/sessions">Open GoSight</a> · <a href="https://gosight.example/projects/shop/sessions/s-1?t=1700000000000">Example replay</a>',
    ].join('\n'),
  );
});

it('says when a rule recovered', () => {
  expect(
    recoveryMessage(rule, { ...context, value: 2, topPage: null, topElement: null, exampleSessionId: null }),
  ).toBe(
    [
      '✅ <b>Resolved: Rage &lt;checkout&gt; &amp; pay</b>',
      'Project: <b>Shop &quot;EU&quot;</b>',
      'Rage clicks is back to 2 rage clicks in the last 5 min (threshold &gt; 10)',
      '<a href="https://gosight.example/projects/shop/sessions">Open GoSight</a>',
    ].join('\n'),
  );
});
