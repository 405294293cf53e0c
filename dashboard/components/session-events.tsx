import type { SessionEvent } from '@gosight/proto/v1/session_service_pb';
import { getSession } from '@/lib/api/sessions';
import { formatOffset } from '@/lib/format';
import { renderApiError } from './api-error-notice';

export async function SessionEventsPanel({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  let response: Awaited<ReturnType<typeof getSession>>;
  try {
    response = await getSession(projectId, sessionId);
  } catch (err) {
    return renderApiError(err);
  }
  const { session, events } = response;
  if (events.length === 0) {
    return <div className="notice">No events stored for this session.</div>;
  }
  // Offsets are relative to the session start; fall back to the first event if the summary is missing.
  const origin = session?.startedAtMs ?? events[0]?.timestampMs ?? 0n;

  return (
    <table className="table events" data-testid="session-events">
      <thead>
        <tr>
          <th>Time</th>
          <th>Type</th>
          <th>Target</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.eventId} data-testid="session-event" data-event-type={event.type}>
            <td className="mono">{formatOffset(event.timestampMs - origin)}</td>
            <td>
              <span className={`event-type event-${event.type}`}>{event.type.replace('_', ' ')}</span>
            </td>
            <td className="url">
              <EventTarget event={event} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EventTarget({ event }: { event: SessionEvent }) {
  if (event.type === 'js_error' && event.errorMessage) {
    return (
      <span title={`${event.errorMessage}\n${event.url}`} data-testid="event-error-message">
        {event.errorMessage}
      </span>
    );
  }
  if (event.type !== 'click') return <span title={event.url}>{event.url}</span>;
  return (
    <span title={`${event.selector}\n${event.url}`}>
      <code>{event.selector || event.tag || '?'}</code>
      {event.text ? <span className="muted"> “{event.text}”</span> : null}
    </span>
  );
}
