// The header's sharing links for a signed-in reader: their requests; the inbox when requests wait
// on them (curators, owners, administrators); the permit queue for administrators. The offers
// editor is linked from the inbox and the borehole pages, to keep the header short.
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, useLocationSearch, usePathname } from '../../../lib/router.js';
import { useSession } from '../../account/hooks/use-session.js';
import { decidesPermits, hasInbox, stateFromSearch } from '../utils/sharing-access.js';

export function HeaderSharingLinks() {
  const { t } = useI18n();
  const { account } = useSession();
  const pathname = usePathname().replace(/\/+$/, '');
  const permits = stateFromSearch(useLocationSearch()) === 'permit';
  if (!account) return null;
  const current = (on: boolean) => (on ? 'page' : undefined);
  return (
    <>
      <Link to="/requests" aria-current={current(pathname === '/requests')} data-testid="nav-requests">
        {t('nav.requests')}
      </Link>
      {hasInbox(account) && (
        <Link
          to="/requests/inbox"
          aria-current={current(pathname === '/requests/inbox' && !permits)}
          data-testid="nav-inbox"
        >
          {t('nav.inbox')}
        </Link>
      )}
      {decidesPermits(account) && (
        <Link
          to="/requests/inbox?state=permit"
          aria-current={current(pathname === '/requests/inbox' && permits)}
          data-testid="nav-permits"
        >
          {t('nav.permits')}
        </Link>
      )}
    </>
  );
}
