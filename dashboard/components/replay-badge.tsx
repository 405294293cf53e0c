export function ReplayBadge() {
  return <span className="badge">Replay</span>;
}
