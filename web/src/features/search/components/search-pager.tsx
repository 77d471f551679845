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
  return (
    <KeysetPager
      testId="search"
      number={pageNumber(location)}
      pageSize={SEARCH_PAGE_SIZE}
      shown={page.items.length}
      previous={previousPage(location)}
      next={page.next_cursor != null ? nextPage(location, page.next_cursor) : null}
    />
  );
}

/** The links and "page n · rows a–b" line of any keyset-paged list; `testId` prefixes its test ids. */
export function KeysetPager(props: {
  testId: string;
  number: number;
  pageSize: number;
  shown: number;
  previous: SearchLocation | null;
  next: SearchLocation | null;
}) {
  const { t, lang } = useI18n();
  const { testId, number, previous, next } = props;
  const from = (number - 1) * props.pageSize + 1;
  return (
    <nav className="pager" aria-label={t('search.pages')} data-testid={`${testId}-pager`}>
      {previous ? (
        <Link to={searchHref(previous)} rel="prev" data-testid={`${testId}-previous`}>
          ← {t('search.previous')}
        </Link>
      ) : (
        <span className="pager__disabled" aria-disabled>
          ← {t('search.previous')}
        </span>
      )}
      <span className="muted" data-testid={`${testId}-range`}>
        {t('search.range', {
          page: formatCount(number, lang),
          from: formatCount(from, lang),
          to: formatCount(from + Math.max(props.shown, 1) - 1, lang),
        })}
      </span>
      {next ? (
        <Link to={searchHref(next)} rel="next" data-testid={`${testId}-next`}>
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
