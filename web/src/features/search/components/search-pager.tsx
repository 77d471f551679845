// Previous / next for keyset pages: each page is a URL holding the cursors that lead to it, so the
// browser's back button and a bookmark land on the same page as these links.
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { SEARCH_PAGE_SIZE, type SearchResultPage } from '../api/search-boreholes.js';
import {
  nextPage,
  pageNumber,
  previousPage,
  searchHref,
  type SearchLocation,
} from '../utils/search-location.js';

export function SearchPager({ location, page }: { location: SearchLocation; page: SearchResultPage }) {
  const { t, lang } = useI18n();
  const number = pageNumber(location);
  const from = (number - 1) * SEARCH_PAGE_SIZE + 1;
  const previous = previousPage(location);
  const next = page.next_cursor != null ? nextPage(location, page.next_cursor) : null;
  return (
    <nav className="pager" aria-label={t('search.pages')} data-testid="search-pager">
      {previous ? (
        <Link to={searchHref(previous)} rel="prev" data-testid="search-previous">
          ← {t('search.previous')}
        </Link>
      ) : (
        <span className="pager__disabled" aria-disabled>
          ← {t('search.previous')}
        </span>
      )}
      <span className="muted" data-testid="search-range">
        {t('search.range', {
          page: formatCount(number, lang),
          from: formatCount(from, lang),
          to: formatCount(from + Math.max(page.items.length, 1) - 1, lang),
        })}
      </span>
      {next ? (
        <Link to={searchHref(next)} rel="next" data-testid="search-next">
          {t('search.next')} →
        </Link>
      ) : (
        <span className="pager__disabled" aria-disabled>
          {t('search.next')} →
        </span>
      )}
    </nav>
  );
}
