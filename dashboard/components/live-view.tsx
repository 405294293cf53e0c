'use client';

import { useEffect, useState } from 'react';
import type { LiveSnapshot } from '@/lib/api/live';
import { TrendChart } from './charts/trend-chart';
import styles from './live.module.css';
import { appendPoint, type LivePoint } from './live-history';
import { LivePages } from './live-pages';
import { PanelSkeleton } from './skeletons';

// Two minutes of one-second snapshots in the rolling chart.
const HISTORY = 120;
const SERIES = [
  { key: 'activeSessions', label: 'Active sessions', color: '#3b5bdb' },
  { key: 'eventsPerSecond', label: 'Events per second', color: '#f08c00' },
];

type Status = 'connecting' | 'open' | 'reconnecting' | 'failed';
const STATUS_TEXT: Record<Status, string> = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Connection lost, reconnecting…',
  failed: 'Stopped',
};

/** Figures, a rolling chart and the busiest pages, fed by the Server-Sent Events of `streamUrl`. */
export function LiveView({ streamUrl }: { streamUrl: string }) {
  const [snapshot, setSnapshot] = useState<LiveSnapshot>();
  const [history, setHistory] = useState<LivePoint[]>([]);
  const [status, setStatus] = useState<Status>('connecting');
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    const source = new EventSource(streamUrl);
    source.addEventListener('snapshot', (event) => {
      const next = JSON.parse(event.data) as LiveSnapshot;
      setSnapshot(next);
      setHistory((previous) => appendPoint(previous, next, HISTORY));
      setStatus('open');
      setFailure(undefined);
    });
    source.addEventListener('failure', (event) => {
      const { code, message, final } = JSON.parse(event.data) as {
        code: string;
        message: string;
        final: boolean;
      };
      setFailure(`The live stream failed (${code}): ${message}`);
      if (final) {
        source.close();
        setStatus('failed');
      }
    });
    source.onerror = () => {
      // EventSource retries by itself unless the answer was not an event stream (signed out).
      if (source.readyState === EventSource.CLOSED) {
        setStatus('failed');
        setFailure((current) => current ?? 'The live stream was refused. Reload the page or sign in again.');
      } else setStatus('reconnecting');
    };
    return () => source.close();
  }, [streamUrl]);

  return (
    <>
      <p
        className={`${styles.status} ${status === 'open' ? styles.open : ''}`}
        role="status"
        data-testid="live-status"
      >
        <span className={styles.dot} aria-hidden="true" />
        {STATUS_TEXT[status]}
      </p>
      {failure ? (
        <p className="notice notice-error" role="alert" data-testid="api-error">
          {failure}
        </p>
      ) : null}
      {snapshot ? (
        <>
          <dl className={styles.figures}>
            <div className={styles.figure}>
              <dt>Active sessions</dt>
              <dd data-testid="live-active-sessions">{snapshot.activeSessions}</dd>
            </div>
            <div className={styles.figure}>
              <dt>Events per second</dt>
              <dd data-testid="live-events-per-second">{snapshot.eventsPerSecond.toFixed(1)}</dd>
            </div>
          </dl>
          <section className={styles.chart}>
            <h2>Last two minutes</h2>
            <TrendChart
              data={history}
              series={SERIES}
              kind="decimal"
              unit="second"
              height={200}
              label="Active sessions and events per second over the last two minutes"
            />
          </section>
          <LivePages pages={snapshot.pages} />
        </>
      ) : status !== 'failed' ? (
        <PanelSkeleton height={200} />
      ) : null}
    </>
  );
}
