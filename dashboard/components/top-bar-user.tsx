import { currentUser, ROLE_LABELS } from '@/lib/api/me';
import { ProjectSwitcher } from './project-switcher';

/** The right side of the top bar: project switcher, email, sign out; nothing when signed out. */
export async function TopBarUser() {
  const me = await currentUser();
  if (!me) return null;
  const projects = me.projects.map((project) => ({
    projectId: project.projectId,
    name: project.name || project.projectId,
    role: ROLE_LABELS[project.role],
  }));
  return (
    <>
      <ProjectSwitcher projects={projects} />
      <span className="topbar-spacer" />
      <span className="topbar-email" data-testid="user-email">
        {me.user?.email}
      </span>
      {/* Signing out is a POST (app/login/logout/route.ts), so a prefetching link can never trigger it. */}
      <form action="/login/logout" method="post">
        <button type="submit" className="topbar-signout">
          Sign out
        </button>
      </form>
    </>
  );
}
