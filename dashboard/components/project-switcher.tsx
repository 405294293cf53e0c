'use client';

import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';
import { type KeyboardEvent, useEffect, useRef } from 'react';

export type SwitcherProject = { projectId: string; name: string; role: string };

// A disclosure (no script needed to open it) listing the user's projects with
// their role; switching keeps the current view when there is one.
export function ProjectSwitcher({ projects }: { projects: SwitcherProject[] }) {
  const params = useParams<{ projectId?: string }>();
  const pathname = usePathname();
  const currentId = params.projectId ? decodeURIComponent(params.projectId) : undefined;
  const current = projects.find((project) => project.projectId === currentId);
  const view = currentId ? (pathname.split('/')[3] ?? 'overview') : 'overview';
  const menu = useRef<HTMLDetailsElement>(null);
  // The top bar outlives client-side navigation: fold the menu once a project was chosen.
  useEffect(() => {
    if (menu.current && pathname) menu.current.open = false;
  }, [pathname]);
  // Escape folds the open menu and gives focus back to its summary, as a menu button does.
  function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector('summary')?.focus();
  }
  return (
    <details className="switcher" data-testid="project-switcher" ref={menu} onKeyDown={closeOnEscape}>
      <summary>
        <span className="switcher-label">Project</span> {current ? current.name : 'Choose a project'}
      </summary>
      <ul className="switcher-menu">
        {projects.length === 0 ? <li className="muted">You are not a member of any project yet.</li> : null}
        {projects.map((project) => (
          <li key={project.projectId}>
            <Link
              href={`/projects/${encodeURIComponent(project.projectId)}/${view}`}
              aria-current={project.projectId === currentId ? 'page' : undefined}
              data-testid="switcher-project"
            >
              <span>{project.name}</span>
              <span className="badge">{project.role}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
