// /sign-up — e-mail, password (the 10-character rule shown as it is typed) and display name; then a
// "check your mailbox" panel, since the account signs in only once its address is verified.
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/ui/text-field.js';
import { ApiError } from '../../../lib/api-client.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { MessageKey } from '../../../lib/i18n.js';
import { Link, useLocationSearch } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { signUp } from '../api/sign-up.js';
import { fieldProblems, problemMessage } from '../utils/auth-problems.js';
import { authHref, safeNext } from '../utils/next-path.js';
import { MIN_PASSWORD, signUpProblems, type SignUpField as Field } from '../utils/sign-up-rules.js';
import { ResendVerification } from './resend-verification.js';
import './account.css';

export function SignUpPage() {
  const { t, lang } = useI18n();
  const rawNext = new URLSearchParams(useLocationSearch()).get('next');
  const [input, setInput] = useState<Record<Field, string>>({ email: '', password: '', display_name: '' });
  const [local, setLocal] = useState<Partial<Record<Field, MessageKey>>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [signedUp, setSignedUp] = useState<string | null>(null);
  useDocumentTitle(t('signUp.title'), lang);
  const signInHref = authHref('/sign-in', rawNext ? safeNext(rawNext) : null);

  const set = (field: Field) => (value: string) => setInput((i) => ({ ...i, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = signUpProblems(input);
    setLocal(problems);
    setError(undefined);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const account = await signUp({
        email: input.email.trim(),
        password: input.password,
        display_name: input.display_name.trim(),
        locale: lang,
      });
      setSignedUp(account.email);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (signedUp)
    return (
      <div className="auth-page" data-testid="sign-up-page">
        <section
          className="card auth-page__panel"
          data-testid="check-mailbox"
          aria-labelledby="check-mailbox"
        >
          <h1 id="check-mailbox">{t('signUp.checkMail')}</h1>
          <p>{t('signUp.checkMailBody', { email: signedUp })}</p>
          <p>
            <Link to={signInHref}>{t('verify.signIn')}</Link>
          </p>
          <p className="muted">{t('signUp.noMail')}</p>
          <ResendVerification email={signedUp} />
        </section>
      </div>
    );

  const taken = error instanceof ApiError && error.status === 409;
  const fields = fieldProblems(error, lang);
  const fieldError = (field: Field): string | undefined => {
    const key = local[field];
    if (key) return t(key);
    if (field === 'email' && taken) return t('signUp.emailTaken');
    return fields[field];
  };
  // Anything the fields do not already show goes above the form.
  const general = error !== undefined && !taken && Object.keys(fields).length === 0;

  return (
    <div className="auth-page" data-testid="sign-up-page">
      <header className="page-header">
        <h1>{t('signUp.title')}</h1>
        <p className="lead">{t('signUp.lead')}</p>
      </header>
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        {general && (
          <div className="form-alert" role="alert" data-testid="sign-up-error">
            <p>{problemMessage(error, lang)}</p>
          </div>
        )}
        <TextField
          id="sign-up-email"
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          value={input.email}
          onValue={set('email')}
          error={fieldError('email')}
          required
          autoFocus
        />
        <TextField
          id="sign-up-password"
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD}
          maxLength={200}
          value={input.password}
          onValue={set('password')}
          hint={t('auth.passwordRule', { n: input.password.length })}
          error={fieldError('password')}
          required
        />
        <TextField
          id="sign-up-display_name"
          label={t('auth.displayName')}
          autoComplete="nickname"
          maxLength={100}
          value={input.display_name}
          onValue={set('display_name')}
          hint={t('auth.displayNameHint')}
          error={fieldError('display_name')}
          required
        />
        <button type="submit" disabled={busy} data-testid="sign-up-submit">
          {busy ? t('signUp.busy') : t('signUp.submit')}
        </button>
      </form>
      <p className="auth-page__switch">
        {t('signUp.haveAccount')} <Link to={signInHref}>{t('signIn.title')}</Link>
      </p>
    </div>
  );
}
