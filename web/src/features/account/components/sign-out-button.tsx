// Ends the session; says so inline if the server could not be reached (the session then still holds).
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n-context.js';
import { useSession } from '../hooks/use-session.js';
import { problemMessage } from '../utils/auth-problems.js';

export function SignOutButton({ className, testId }: { className?: string; testId?: string }) {
  const { t, lang } = useI18n();
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const click = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await signOut();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => void click()}
        disabled={busy}
        data-testid={testId}
      >
        {t('nav.signOut')}
      </button>
      {error !== undefined && (
        <span className="sign-out__error" role="alert">
          {problemMessage(error, lang)}
        </span>
      )}
    </>
  );
}
