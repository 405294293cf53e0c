import type { ReactNode } from 'react';
import { renderApiError } from '@/components/api-error-notice';
import { NoAccess } from '@/components/no-access';
import { ProjectNav } from '@/components/project-nav';
import { canAdminister, findProject, getMe } from '@/lib/api/me';

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId: rawId } = await params;
  const projectId = decodeURIComponent(rawId);
  let me: Awaited<ReturnType<typeof getMe>>;
  try {
    me = await getMe();
  } catch (err) {
    return renderApiError(err);
  }
  const project = findProject(me, projectId);
  if (!project) return <NoAccess projectId={projectId} email={me.user?.email} />;
  return (
    <>
      <ProjectNav projectId={projectId} admin={canAdminister(project.role)} />
      {children}
    </>
  );
}
