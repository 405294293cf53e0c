import type { ReactNode } from 'react';
import { ProjectNav } from '@/components/project-nav';

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  return (
    <>
      <ProjectNav projectId={projectId} />
      {children}
    </>
  );
}
