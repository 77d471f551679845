// /sign-in?next=… — e-mail and password; refusals are explained beside the form (wrong password,
// address not verified with a way to get a new link, locked with the minutes to wait). Once signed
// in, on to the page the reader came from.
import { useEffect, useState, type FormEvent } from 'react';
import { TextField } from '../../../components/ui/text-field.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, navigate, useLocationSearch } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import type { MessageKey } from '../../../lib/i18n.js';
import { useSession } from '../hooks/use-session.js';
import { fieldProblems, signInFault } from '../utils/auth-problems.js';
import { authHref, safeNext } from '../utils/next-path.js';
import { ResendVerification } from './resend-verification.js';
import './account.css';

export function SignInPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  const rawNext = new URLSearchParams(useLocationSearch()).get('next');
  const next = safeNext(rawNext);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: MessageKey; password?: MessageKey }>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useDocumentTitle(t('signIn.title'), lang);

  // Signed in (just now, or already when the page opened): on to where the reader was going.
  const signedIn = session.account !== null;
  useEffect(() => {
    if (signedIn) navigate(next, { replace: true });
  }, [signedIn, next]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blanks = {
      ...(!email.trim() && { email: 'auth.required' as const }),
      ...(!password && { password: 'auth.required' as const }),
    };
    setMissing(blanks);
    setError(undefined);
    if (Object.keys(blanks).length > 0) return;
    setBusy(true);
    try {
      await session.signIn(email.trim(), password);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // Worked out on every render, so switching the language re-words the message.
  const fault = error === undefined ? null : signInFault(error, lang);
  const fields = fieldProblems(error, lang);
  const fieldError = (name: 'email' | 'password') => {
    const key = missing[name];
    return key ? t(key) : fields[name];
  };

  return (
    <div className="auth-page" data-testid="sign-in-page">
      <header className="page-header">
        <h1>{t('signIn.title')}</h1>
        <p className="lead">{t('signIn.lead')}</p>
      </header>
      <div className="card">
        {fault && (
          <div className="form-alert" role="alert" data-testid="sign-in-error">
            <p data-kind={fault.kind} data-testid="sign-in-error-message">
              {fault.message}
            </p>
            {fault.kind === 'not-verified' && <ResendVerification email={email} label={t('signIn.resend')} />}
          </div>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            id="sign-in-email"
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            value={email}
            onValue={setEmail}
            error={fieldError('email')}
            required
            autoFocus
          />
          <TextField
            id="sign-in-password"
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            error={fieldError('password')}
            required
          />
          <button type="submit" disabled={busy} data-testid="sign-in-submit">
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
      </div>
      <p className="auth-page__switch">
        {t('signIn.noAccount')}{' '}
        <Link to={authHref('/sign-up', rawNext ? next : null)} data-testid="sign-up-link">
          {t('signIn.signUp')}
        </Link>
      </p>
    </div>
  );
}
