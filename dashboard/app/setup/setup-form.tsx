'use client';

import { useActionState } from 'react';
import { type SetupState, setUp } from './actions';
import styles from './setup.module.css';

export function SetupForm() {
  const [state, action, pending] = useActionState<SetupState, FormData>(setUp, {});
  const values = state.values ?? {};
  return (
    <form action={action} className={styles.form} data-testid="setup-form">
      {state.error && (
        <p className="notice notice-error" role="alert" data-testid="setup-error">
          {state.error}
        </p>
      )}
      <label>
        Your name
        <input name="name" autoComplete="name" required defaultValue={values.name} />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={values.email} />
      </label>
      <label>
        Password (at least 8 characters)
        <input name="password" type="password" autoComplete="new-password" minLength={8} required />
      </label>
      <label>
        Project name
        <input name="projectName" required placeholder="My shop" defaultValue={values.projectName} />
      </label>
      <button type="submit" disabled={pending}>
        {pending ? 'Setting up…' : 'Create account and project'}
      </button>
    </form>
  );
}
