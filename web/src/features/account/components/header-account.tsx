// The header's account corner: "Sign in" (returning to this page afterwards) or the signed-in
// name, linking to the account page, with a sign-out button.
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, useLocationSearch, usePathname } from '../../../lib/router.js';
import { useSession } from '../hooks/use-session.js';
import { authHref, isAuthPath, nextFromLocation } from '../utils/next-path.js';
import { SignOutButton } from './sign-out-button.js';
import './account.css';

export function HeaderAccount() {
  const { t } = useI18n();
  const { account, loading } = useSession();
  const pathname = usePathname();
  const search = useLocationSearch();
  // Nothing until the session is known, so "Sign in" does not flash for a signed-in reader.
  if (loading) return <div className="header-account" />;
  if (!account)
    return (
      <div className="header-account">
        <Link
          to={authHref('/sign-in', nextFromLocation(pathname, search))}
          className="header-account__link"
          aria-current={isAuthPath(pathname) ? 'page' : undefined}
          data-testid="header-sign-in"
        >
          {t('nav.signIn')}
        </Link>
      </div>
    );
  return (
    <div className="header-account">
      <Link
        to="/account"
        className="header-account__link header-account__name"
        aria-current={pathname === '/account' ? 'page' : undefined}
        title={t('nav.account')}
        data-testid="header-account"
      >
        <span className="visually-hidden">{t('nav.account')}: </span>
        {account.display_name}
      </Link>
      <SignOutButton className="header-account__sign-out" testId="header-sign-out" />
    </div>
  );
}
