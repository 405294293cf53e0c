'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

// Every view of a project, in the order a team reads them; the last two only
// for roles that manage the project (Owner, Admin).
const VIEWS: [segment: string, label: string][] = [
  ['overview', 'Overview'],
  ['live', 'Live'],
  ['sessions', 'Sessions'],
  ['heatmaps', 'Heatmaps'],
  ['insights', 'Insights'],
  ['errors', 'Errors'],
  ['funnels', 'Funnels'],
];
const ADMIN_VIEWS: [segment: string, label: string][] = [
  ['alerts', 'Alerts'],
  ['settings', 'Settings'],
];

export function ProjectNav({ projectId, admin }: { projectId: string; admin: boolean }) {
  const pathname = usePathname();
  const base = `/projects/${encodeURIComponent(projectId)}`;
  const views = admin ? [...VIEWS, ...ADMIN_VIEWS] : VIEWS;
  return (
    <nav className="project-nav" aria-label="Project views" data-testid="project-nav">
      {views.map(([segment, label]) => {
        const href = `${base}/${segment}`;
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link key={segment} href={href} aria-current={current ? 'page' : undefined}>
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
