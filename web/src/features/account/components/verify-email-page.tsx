// /verify-email?token=… — the mailed link lands here: the token is posted once, then either "verified,
// sign in now" or the server's reason with a form to have a new link sent.
import { Loading } from '../../../components/ui/page-state.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, useLocationSearch } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useVerifyEmail } from '../hooks/use-verify-email.js';
import { problemMessage } from '../utils/auth-problems.js';
import { authHref } from '../utils/next-path.js';
import { ResendVerification } from './resend-verification.js';
import './account.css';

export function VerifyEmailPage() {
  const { t, lang } = useI18n();
  const token = new URLSearchParams(useLocationSearch()).get('token')?.trim() ?? '';
  useDocumentTitle(t('verify.title'), lang);
  return (
    <div className="auth-page" data-testid="verify-email-page">
      {token ? <Verifying token={token} /> : <Failed message={t('verify.noToken')} />}
    </div>
  );
}

function Verifying({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const state = useVerifyEmail(token);
  if (state.status === 'loading')
    return (
      <>
        <h1 className="visually-hidden">{t('verify.title')}</h1>
        <Loading />
      </>
    );
  if (state.status === 'error') return <Failed message={problemMessage(state.error, lang)} />;
  return (
    <section className="card auth-page__panel" data-testid="verify-done" aria-labelledby="verify-done">
      <h1 id="verify-done">{t('verify.done')}</h1>
      <p>{t('verify.doneBody', { email: state.account.email })}</p>
      <p>
        <Link to={authHref('/sign-in', '/account')} data-testid="verify-sign-in">
          {t('verify.signIn')}
        </Link>
      </p>
    </section>
  );
}

function Failed({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <section className="card auth-page__panel" data-testid="verify-failed" aria-labelledby="verify-failed">
      <h1 id="verify-failed">{t('verify.failed')}</h1>
      <p className="form-alert" role="alert" data-testid="verify-error">
        {message}
      </p>
      <p>{t('verify.resendIntro')}</p>
      <ResendVerification />
    </section>
  );
}
