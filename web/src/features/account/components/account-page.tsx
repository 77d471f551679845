// /account — who the reader is signed in as, their roles per organisation, their API tokens, and
// signing out. Signed out, it says so and offers to sign in (and come back here).
import { DataTable } from '../../../components/ui/data-table.js';
import { DefinitionList } from '../../../components/ui/definition-list.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import type { Account, Membership } from '../api/get-me.js';
import { useSession } from '../hooks/use-session.js';
import { organisationName, roleLabel } from '../utils/account-labels.js';
import { authHref } from '../utils/next-path.js';
import { ApiTokensSection } from './api-tokens-section.js';
import { SignOutButton } from './sign-out-button.js';
import './account.css';

export function AccountPage() {
  const { t, lang } = useI18n();
  const session = useSession();
  useDocumentTitle(t('account.title'), lang);
  if (session.loading) return <Loading />;
  if (session.account) return <SignedIn account={session.account} />;
  if (session.error !== undefined)
    return <LoadError error={session.error} retry={() => void session.refresh()} />;
  return (
    <div className="auth-page" data-testid="account-signed-out">
      <section className="card auth-page__panel" aria-labelledby="account-signed-out">
        <h1 id="account-signed-out">{t('account.signedOut')}</h1>
        <p>{t('account.signInToSee')}</p>
        <p>
          <Link to={authHref('/sign-in', '/account')}>{t('nav.signIn')}</Link>
        </p>
      </section>
    </div>
  );
}

function SignedIn({ account }: { account: Account }) {
  const { t, lang } = useI18n();
  return (
    <div className="account-page" data-testid="account-page">
      <header className="page-header">
        <h1>{t('account.title')}</h1>
      </header>
      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile">{t('account.profile')}</h2>
        <div data-testid="account-profile">
          <DefinitionList
            items={[
              { label: t('auth.displayName'), value: account.display_name },
              { label: t('auth.email'), value: account.email },
              {
                label: t('account.emailVerified'),
                value: account.email_verified ? t('account.verified') : t('account.unverified'),
              },
            ]}
          />
        </div>
      </section>
      <section className="card" aria-labelledby="account-roles">
        <h2 id="account-roles">{t('account.roles')}</h2>
        <DataTable<Membership>
          caption={t('account.roles')}
          testId="account-roles"
          rows={account.memberships}
          rowKey={(m, i) => `${m.organisation_code}:${m.role}:${i}`}
          empty={t('account.noRoles')}
          columns={[
            {
              key: 'organisation',
              header: t('account.organisation'),
              cell: (m) => organisationName(m, lang),
            },
            { key: 'role', header: t('account.role'), cell: (m) => roleLabel(m.role, lang) },
          ]}
        />
      </section>
      <ApiTokensSection />
      <p>
        <SignOutButton className="button-secondary" testId="account-sign-out" />
      </p>
    </div>
  );
}
