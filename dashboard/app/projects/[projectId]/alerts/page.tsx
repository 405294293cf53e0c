import { AlertCondition, AlertMetric, AlertSeverity } from '@gosight/proto/v1/alert_service_pb';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiErrorNotice } from '@/components/api-error-notice';
import { listAlertChannels, listAlertRules } from '@/lib/api/alerts';
import { ApiError } from '@/lib/api/client';
import { addRule, addTelegramChannel, removeChannel, removeRule, testChannel } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Alerts' };

const METRICS: [AlertMetric, string][] = [
  [AlertMetric.RAGE_CLICKS, 'Rage clicks'],
  [AlertMetric.DEAD_CLICKS, 'Dead clicks'],
  [AlertMetric.ERROR_CLICKS, 'Error clicks'],
  [AlertMetric.THRASHED_CURSORS, 'Thrashed cursors'],
  [AlertMetric.JS_ERRORS, 'JavaScript errors'],
  [AlertMetric.ERROR_RATE, 'Error rate (% of sessions)'],
  [AlertMetric.SESSIONS, 'Sessions'],
  [AlertMetric.EVENTS, 'Events'],
  [AlertMetric.INGESTION_LAG, 'Ingestion lag'],
];
const CONDITIONS: [AlertCondition, string][] = [
  [AlertCondition.ABOVE, 'above'],
  [AlertCondition.BELOW, 'below'],
  [AlertCondition.ANOMALY, 'unusually high (anomaly)'],
];
const SEVERITIES: [AlertSeverity, string][] = [
  [AlertSeverity.WARNING, 'Warning'],
  [AlertSeverity.CRITICAL, 'Critical'],
  [AlertSeverity.INFO, 'Info'],
];
const label = (pairs: [number, string][], value: number) => pairs.find(([v]) => v === value)?.[1] ?? '?';

export default async function AlertsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const { projectId } = await params;
  const { done, error } = await searchParams;
  let channels: Awaited<ReturnType<typeof listAlertChannels>>;
  let rules: Awaited<ReturnType<typeof listAlertRules>>;
  try {
    [channels, rules] = await Promise.all([listAlertChannels(projectId), listAlertRules(projectId)]);
  } catch (err) {
    if (err instanceof ApiError) return <ApiErrorNotice error={err} />;
    throw err;
  }
  return (
    <>
      <div className="page-head">
        <h1>Alerts</h1>
        <Link href={`/projects/${projectId}/sessions`}>Sessions</Link>
      </div>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}

      <h2>Channels</h2>
      {channels.length === 0 && (
        <p className="muted" data-testid="no-channels">
          No channels yet: add a Telegram chat below (webhooks are added through the API).
        </p>
      )}
      <table className="table" data-testid="alert-channels">
        <thead>
          <tr>
            <th>Name</th>
            <th>Where</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <td>{channel.name}</td>
              <td className="mono">
                {channel.telegramChatId ? `Telegram chat ${channel.telegramChatId}` : channel.webhookUrl}
              </td>
              <td>
                <div className="inline-form">
                  <form action={testChannel.bind(null, projectId, channel.id)}>
                    <button type="submit">Send test message</button>
                  </form>
                  <form action={removeChannel.bind(null, projectId, channel.id)}>
                    <button type="submit" aria-label={`Remove channel ${channel.name}`}>
                      Remove channel
                    </button>
                  </form>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        action={addTelegramChannel.bind(null, projectId)}
        className="inline-form"
        aria-label="Add a Telegram channel"
      >
        <input name="name" placeholder="Name" required aria-label="Channel name" />
        <input name="token" placeholder="Bot token from @BotFather" required aria-label="Bot token" />
        <input name="chat" placeholder="Chat id" required aria-label="Chat id" />
        <button type="submit">Add Telegram channel</button>
      </form>

      <h2>Rules</h2>
      <table className="table" data-testid="alert-rules">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Condition</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => (
            <tr key={rule.id}>
              <td>
                {rule.name} <span className="muted">({label(SEVERITIES, rule.severity)})</span>
              </td>
              <td>
                {label(METRICS, rule.metric)} {label(CONDITIONS, rule.condition)} {rule.threshold} in{' '}
                {rule.windowSeconds / 60} min{rule.urlPattern ? ` on ${rule.urlPattern}` : ''}
              </td>
              <td>{rule.firing ? 'Firing' : 'OK'}</td>
              <td>
                <form action={removeRule.bind(null, projectId, rule.id)}>
                  <button type="submit">Delete</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {channels.length === 0 ? (
        <p className="muted">Add a channel first: a rule needs somewhere to send.</p>
      ) : (
        <form action={addRule.bind(null, projectId)} className="inline-form" aria-label="Add a rule">
          <input name="name" placeholder="Rule name" required aria-label="Rule name" />
          <select name="metric" aria-label="Metric">
            {METRICS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          <select name="condition" aria-label="Condition">
            {CONDITIONS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          <input name="threshold" type="number" step="any" defaultValue="10" aria-label="Threshold" />
          <input name="window" type="number" min="1" defaultValue="5" aria-label="Window (minutes)" />
          <input name="cooldown" type="number" min="0" defaultValue="15" aria-label="Cooldown (minutes)" />
          <select name="severity" aria-label="Severity">
            {SEVERITIES.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          <input name="url" placeholder="URL pattern, e.g. */checkout*" aria-label="URL pattern" />
          <select name="channel" multiple required aria-label="Channels">
            {channels.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
          <button type="submit">Add rule</button>
        </form>
      )}
    </>
  );
}
