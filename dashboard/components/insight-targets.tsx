import type { InsightTarget } from '@gosight/proto/v1/insight_service_pb';
import type { Insight } from '@gosight/proto/v1/insights_pb';
import Link from 'next/link';

/** A page or element where a signal happens, with a link to the latest session where it did. */
export function InsightTargets({
  projectId,
  title,
  targets,
  examples,
}: {
  projectId: string;
  title: string;
  targets: readonly InsightTarget[];
  examples: readonly Insight[];
}) {
  if (targets.length === 0) return null;
  return (
    <table className="table" data-testid="insight-targets">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>{targets[0]?.selector ? 'Element' : 'Page'}</th>
          <th className="num">Signals</th>
          <th className="num">Sessions</th>
          <th>Example</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => {
          // Examples are the newest signals first, so this is the latest one on that target.
          const example = examples.find(
            (insight) =>
              insight.url === target.url && (!target.selector || insight.selector === target.selector),
          );
          return (
            <tr
              key={`${target.url} ${target.selector}`}
              data-testid="insight-target"
              data-selector={target.selector}
            >
              <td className="url" title={target.url}>
                {target.selector ? <code>{target.selector}</code> : null}
                {target.selector ? <br /> : null}
                <span className="muted">{target.url}</span>
              </td>
              <td className="num">{String(target.count)}</td>
              <td className="num">{String(target.sessions)}</td>
              <td>
                {example ? (
                  <Link
                    href={`/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(example.sessionId)}?t=${example.timestampMs}`}
                    data-testid="example-session"
                  >
                    Example session
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
