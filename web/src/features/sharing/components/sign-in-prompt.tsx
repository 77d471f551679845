// "Sign in to …" with a link that comes back to this page afterwards.
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { authHref } from '../../account/utils/next-path.js';

export function SignInPrompt({ text, next, testId }: { text: string; next: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <p className="sign-in-prompt" data-testid={testId}>
      {text}{' '}
      <Link to={authHref('/sign-in', next)} data-testid={testId ? `${testId}-link` : undefined}>
        {t('nav.signIn')}
      </Link>
    </p>
  );
}
