import { redirect } from 'next/navigation';
import { getMe } from '@/lib/api/me';
import { config } from '@/lib/config';

// Read the user's projects when a request arrives, not when the build ran.
export const dynamic = 'force-dynamic';

/** Opens the configured default project when the user belongs to it, else their first project. */
export default async function Home() {
  const { projects, user } = await getMe();
  const target = projects.find((project) => project.projectId === config.defaultProject) ?? projects[0];
  if (target) redirect(`/projects/${encodeURIComponent(target.projectId)}/overview`);
  return (
    <section className="notice" data-testid="no-projects">
      <h2>No projects yet</h2>
      <p>
        {user?.email ?? 'Your account'} is not a member of any project. An Owner or Admin of a project can add
        you from its Settings.
      </p>
    </section>
  );
}
