// Site header: name, search box, main navigation, the notification bell, the account corner and the
// language switch.
import { HeaderAccount } from '../features/account/components/header-account.js';
import { NotificationBell } from '../features/notifications/components/notification-bell.js';
import { HeaderSearch } from '../features/search/components/header-search.js';
import { HeaderSharingLinks } from '../features/sharing/components/header-sharing-links.js';
import { useI18n } from '../lib/i18n-context.js';
import { Link } from '../lib/router.js';
import type { Route } from './routes.js';

export function AppHeader({ route }: { route: Route }) {
  const { t, lang, setLang } = useI18n();
  const current = (names: Route['name'][]) => (names.includes(route.name) ? 'page' : undefined);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Link to="/" className="brand">
        <span className="brand__mark" aria-hidden />
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </Link>
      <HeaderSearch
        onSearchPage={route.name === 'search'}
        pageHasBox={route.name === 'search' || route.name === 'map'}
      />
      <nav aria-label={t('nav.main')} className="app-nav">
        <Link to="/" aria-current={current(['map'])}>
          {t('nav.map')}
        </Link>
        <Link to="/custodians" aria-current={current(['custodians', 'custodian'])}>
          {t('nav.custodians')}
        </Link>
        <Link to="/stats" aria-current={current(['stats'])}>
          {t('nav.stats')}
        </Link>
        <HeaderSharingLinks />
        <a href="/api/docs">{t('nav.apiDocs')}</a>
      </nav>
      <NotificationBell />
      <HeaderAccount />
      <button
        type="button"
        className="lang-switch"
        onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        aria-label={t('nav.switchLanguage')}
        lang={lang === 'zh' ? 'en' : 'zh'}
        data-testid="lang-switch"
      >
        {t('nav.otherLanguage')}
      </button>
    </header>
  );
}
