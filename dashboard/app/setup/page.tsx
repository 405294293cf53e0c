import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { isSetupOpen } from '@/lib/api/projects';
import styles from './setup.module.css';
import { SetupForm } from './setup-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set up GoSight' };

/** First-user sign-up: only while GoSight has no user at all. */
export default async function SetupPage() {
  if (!(await isSetupOpen())) redirect('/login?setup=done');
  return (
    <div className={styles.panel}>
      <h1>Set up GoSight</h1>
      <p className="muted">
        Create the first account. You become the Owner of a first project and can add your team from its
        Settings.
      </p>
      <SetupForm />
    </div>
  );
}
