import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { renderApiError } from '@/components/api-error-notice';
import { TableSkeleton } from '@/components/skeletons';
import { canAdminister, findProject, getMe, ROLE_LABELS } from '@/lib/api/me';
import { KeysSection } from './keys-section';
import { MembersSection } from './members-section';
import { PrivacySection } from './privacy-section';
import { ProjectSection } from './project-section';
import { RetentionSection } from './retention-section';
import styles from './settings.module.css';
import { SignalsSection } from './signals-section';
import { parseTab, settingsPath, TABS, type Tab } from './tabs';
import { TokensSection } from './tokens-section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Settings' };

const SECTIONS: Record<Tab, (props: { projectId: string }) => Promise<React.ReactElement>> = {
  project: ProjectSection,
  keys: KeysSection,
  tokens: TokensSection,
  members: MembersSection,
  signals: SignalsSection,
  privacy: PrivacySection,
  retention: RetentionSection,
};

export default async function SettingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const projectId = decodeURIComponent((await params).projectId);
  const query = await searchParams;
  const tab = parseTab(query.tab);
  let me: Awaited<ReturnType<typeof getMe>>;
  try {
    me = await getMe();
  } catch (err) {
    return renderApiError(err);
  }
  const role = findProject(me, projectId)?.role;
  if (role === undefined || !canAdminister(role)) {
    return (
      <section className="notice" data-testid="settings-no-access">
        <h1>Settings need Owner or Admin</h1>
        <p>
          You are {role === undefined ? 'not a member' : ROLE_LABELS[role]} in this project. Settings, keys
          and members are managed by its Owners and Admins; ask one of them for a change.
        </p>
        <p>
          <Link href={`/projects/${encodeURIComponent(projectId)}/overview`}>Back to the overview</Link>
        </p>
      </section>
    );
  }
  const Section = SECTIONS[tab];
  const done = typeof query.done === 'string' ? query.done : undefined;
  const error = typeof query.error === 'string' ? query.error : undefined;
  return (
    <>
      <div className="page-head">
        <h1>Settings</h1>
      </div>
      <nav className={styles.tabs} aria-label="Settings sections" data-testid="settings-tabs">
        {TABS.map(([value, label]) => (
          <Link
            key={value}
            href={settingsPath(projectId, value)}
            aria-current={value === tab ? 'page' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      {done && (
        <p className="notice" role="status" data-testid="settings-done">
          {done}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert" data-testid="settings-error">
          {error}
        </p>
      )}
      <Suspense key={tab} fallback={<TableSkeleton rows={4} />}>
        <Section projectId={projectId} />
      </Suspense>
    </>
  );
}
