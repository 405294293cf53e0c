'use client';

import { type ReactNode, useActionState, useState } from 'react';
import styles from './settings-secret-form.module.css';

export type SecretState = { secret?: string; done?: string; error?: string };

/**
 * A form whose action creates a key or token: the value comes back in the
 * action's state and is shown here once, with a copy button.
 */
export function SecretForm({
  action,
  submitLabel,
  children,
  testId,
  className,
}: {
  action: (state: SecretState, form: FormData) => Promise<SecretState>;
  submitLabel: string;
  children?: ReactNode;
  testId: string;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <div className={styles.wrap}>
      <form action={formAction} className={className} data-testid={testId}>
        {children}
        <button type="submit" disabled={pending}>
          {pending ? 'Working…' : submitLabel}
        </button>
      </form>
      {state.error && (
        <p className="notice notice-error" role="alert">
          {state.error}
        </p>
      )}
      {state.secret && <SecretReveal secret={state.secret} done={state.done ?? 'Created'} />}
    </div>
  );
}

function SecretReveal({ secret, done }: { secret: string; done: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <div className={`notice ${styles.reveal}`} role="status" data-testid="secret-reveal">
      <p>
        <strong>{done}.</strong> Copy it now: it is shown only once.
      </p>
      <div className={styles.row}>
        <code className={styles.secret} data-testid="secret-value">
          {secret}
        </code>
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
