import { type AlertRule, METRIC_LABELS } from './rule.ts';

export interface AlertContext {
  projectName: string;
  value: number;
  limit: number;
  topPage: string | null;
  topElement: string | null;
  // An example session and the time to seek to in its replay.
  exampleSessionId: string | null;
  exampleTimestampMs: number | null;
  dashboardUrl: string;
}

// Telegram's HTML parse mode knows only these entities.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function windowText(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

function comparison(rule: AlertRule, limit: number): string {
  if (rule.condition === 'anomaly') return `usual up to ${formatNumber(limit)}`;
  return `threshold ${rule.condition === 'below' ? '&lt;' : '&gt;'} ${formatNumber(limit)}`;
}

function links(rule: AlertRule, context: AlertContext): string {
  const base = context.dashboardUrl.replace(/\/$/, '');
  const project = encodeURIComponent(rule.projectId);
  const parts = [`<a href="${escapeHtml(`${base}/projects/${project}/sessions`)}">Open GoSight</a>`];
  if (context.exampleSessionId) {
    const at = context.exampleTimestampMs ? `?t=${context.exampleTimestampMs}` : '';
    const url = `${base}/projects/${project}/sessions/${encodeURIComponent(context.exampleSessionId)}${at}`;
    parts.push(`<a href="${escapeHtml(url)}">Example replay</a>`);
  }
  return parts.join(' · ');
}

export function firingMessage(rule: AlertRule, context: AlertContext): string {
  const label = METRIC_LABELS[rule.metric];
  const icon = rule.severity === 'critical' ? '🔴' : rule.severity === 'warning' ? '🟠' : '🔵';
  const lines = [
    `${icon} <b>${escapeHtml(rule.severity.toUpperCase())}: ${escapeHtml(rule.name)}</b>`,
    `Project: <b>${escapeHtml(context.projectName)}</b>`,
    `${escapeHtml(label.name)}: <b>${formatNumber(context.value)}</b> ${escapeHtml(label.unit)} in the last ${windowText(rule.windowSeconds)} (${comparison(rule, context.limit)})`,
  ];
  if (rule.urlPattern) lines.push(`Pages: <code>${escapeHtml(rule.urlPattern)}</code>`);
  if (context.topPage) lines.push(`Top page: ${escapeHtml(context.topPage)}`);
  if (context.topElement) lines.push(`Top element: <code>${escapeHtml(context.topElement)}</code>`);
  lines.push(links(rule, context));
  return lines.join('\n');
}

export function recoveryMessage(rule: AlertRule, context: AlertContext): string {
  const label = METRIC_LABELS[rule.metric];
  return [
    `✅ <b>Resolved: ${escapeHtml(rule.name)}</b>`,
    `Project: <b>${escapeHtml(context.projectName)}</b>`,
    `${escapeHtml(label.name)} is back to ${formatNumber(context.value)} ${escapeHtml(label.unit)} in the last ${windowText(rule.windowSeconds)} (${comparison(rule, context.limit)})`,
    links(rule, context),
  ].join('\n');
}
