import Link from 'next/link';

// Every view of a project, in the order a team reads them.
const VIEWS: [segment: string, label: string][] = [
  ['overview', 'Overview'],
  ['live', 'Live'],
  ['sessions', 'Sessions'],
  ['heatmaps', 'Heatmaps'],
  ['insights', 'Insights'],
  ['errors', 'Errors'],
  ['funnels', 'Funnels'],
  ['alerts', 'Alerts'],
  ['settings', 'Settings'],
];

export function ProjectNav({ projectId }: { projectId: string }) {
  const base = `/projects/${encodeURIComponent(projectId)}`;
  return (
    <nav className="project-nav" aria-label="Project views">
      {VIEWS.map(([segment, label]) => (
        <Link key={segment} href={`${base}/${segment}`}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
