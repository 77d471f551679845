// The app shell: language and session providers, header, and the page for the current path.
import { AccountPage } from '../features/account/components/account-page.js';
import { SignInPage } from '../features/account/components/sign-in-page.js';
import { SignUpPage } from '../features/account/components/sign-up-page.js';
import { VerifyEmailPage } from '../features/account/components/verify-email-page.js';
import { SessionProvider } from '../features/account/hooks/use-session.js';
import { CustodianPage } from '../features/custodians/components/custodian-page.js';
import { CustodiansPage } from '../features/custodians/components/custodians-page.js';
import { BoreholePage } from '../features/boreholes/components/borehole-page.js';
import { MapPage } from '../features/map/components/map-page.js';
import { SearchHelpPage } from '../features/search/components/search-help-page.js';
import { SearchPage } from '../features/search/components/search-page.js';
import { OffersPage } from '../features/sharing/components/offers-page.js';
import { RequestPage } from '../features/sharing/components/request-page.js';
import { RequestsPage } from '../features/sharing/components/requests-page.js';
import { StatsPage } from '../features/stats/components/stats-page.js';
import { NotFound } from '../components/ui/page-state.js';
import { I18nProvider, useI18n } from '../lib/i18n-context.js';
import { usePathname } from '../lib/router.js';
import { matchRoute, type Route } from './routes.js';
import { AppHeader } from './app-header.js';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'map':
      return <MapPage />;
    case 'borehole':
      return <BoreholePage key={route.id} id={route.id} />;
    case 'custodians':
      return <CustodiansPage />;
    case 'custodian':
      return <CustodianPage key={route.code} code={route.code} />;
    case 'search':
      return <SearchPage />;
    case 'search-help':
      return <SearchHelpPage />;
    case 'sign-in':
      return <SignInPage />;
    case 'sign-up':
      return <SignUpPage />;
    case 'verify-email':
      return <VerifyEmailPage />;
    case 'account':
      return <AccountPage />;
    case 'requests':
      return <RequestsPage key="mine" box="mine" />;
    case 'requests-inbox':
      return <RequestsPage key="inbox" box="inbox" />;
    case 'request':
      return <RequestPage key={route.id} id={route.id} />;
    case 'offers':
      return <OffersPage />;
    case 'stats':
      return <StatsPage />;
    case 'not-found':
      return <NotFound />;
  }
}

function Shell() {
  const { t } = useI18n();
  const route = matchRoute(usePathname());
  const fullBleed = route.name === 'map';
  return (
    <div className={`app ${fullBleed ? 'app--full' : ''}`}>
      <AppHeader route={route} />
      <main id="main" className={fullBleed ? 'main main--full' : 'main'} tabIndex={-1}>
        <Page route={route} />
      </main>
      {!fullBleed && <footer className="app-footer">{t('common.footer')}</footer>}
    </div>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
