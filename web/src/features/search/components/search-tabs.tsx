// Boreholes or catalog records for the same search. Links, not buttons: which list is open is part
// of the URL, like the query and the page.
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import type { SearchResultPage } from '../api/search-boreholes.js';
import { boreholeView, catalogView, searchHref, type SearchLocation } from '../utils/search-location.js';

export function SearchTabs({ location, page }: { location: SearchLocation; page: SearchResultPage }) {
  const { t, lang } = useI18n();
  const catalogOpen = location.catalog !== undefined;
  return (
    <nav className="search-tabs" aria-label={t('search.lists')} data-testid="search-tabs">
      <Link
        to={searchHref(boreholeView(location))}
        scroll={false}
        className="search-tabs__tab"
        aria-current={catalogOpen ? undefined : 'page'}
        data-testid="search-tab-boreholes"
      >
        {t('search.tab.boreholes', { n: formatCount(page.total, lang) })}
      </Link>
      <Link
        to={searchHref(catalogView(location))}
        scroll={false}
        className="search-tabs__tab"
        aria-current={catalogOpen ? 'page' : undefined}
        data-testid="search-tab-catalog"
      >
        {t('search.tab.catalog', { n: formatCount(page.catalog_total, lang) })}
      </Link>
    </nav>
  );
}
