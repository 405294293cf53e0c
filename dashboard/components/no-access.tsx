import Link from 'next/link';

/** Shown instead of a project's views when the signed-in user is not one of its members. */
export function NoAccess({ projectId, email }: { projectId: string; email?: string }) {
  return (
    <section className="notice" data-testid="no-access">
      <h2>No access to this project</h2>
      <p>
        {email ? <>You are signed in as {email}, who</> : 'Your account'} is not a member of project{' '}
        <code>{projectId}</code>, or it does not exist. An Owner or Admin of the project can add you.
      </p>
      <p>
        <Link href="/">Go to your projects</Link> · <Link href="/login">Sign in with another account</Link>
      </p>
    </section>
  );
}
