// One page of search results: the total, the query as the server understood it, their order, the
// table, the pager.
import { DataTable } from '../../../components/ui/data-table.js';
import { formatCount, formatMetres } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { provinceName } from '../../../lib/provinces.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { BoreholeHit, SearchResultPage } from '../api/search-boreholes.js';
import { useCustodianNames } from '../hooks/use-custodian-names.js';
import { pageNumber, SEARCH_HELP_PATH, type SearchLocation } from '../utils/search-location.js';
import { HighlightedText } from './highlighted-text.js';
import { SearchPager } from './search-pager.js';
import { SearchSortSelect } from './search-sort-select.js';

export function SearchResults({ location, page }: { location: SearchLocation; page: SearchResultPage }) {
  const { t, lang } = useI18n();
  const first = pageNumber(location) === 1;
  return (
    <section className="card search-results" aria-labelledby="search-total">
      <header className="search-results__summary">
        <h2 id="search-total" data-testid="search-total">
          {t(page.total === 1 ? 'search.total.one' : 'search.total.other', {
            n: formatCount(page.total, lang),
          })}
        </h2>
        {page.query != null ? (
          <p className="search-results__understood">
            {t('search.understood')} <code data-testid="search-understood">{page.query}</code>
          </p>
        ) : (
          <p className="muted">{t('search.everything')}</p>
        )}
        {page.total > 0 && <SearchSortSelect location={location} />}
      </header>
      {page.items.length === 0 && first ? <NoResults /> : <ResultsTable items={page.items} />}
      {(page.next_cursor != null || !first) && <SearchPager location={location} page={page} />}
    </section>
  );
}

function NoResults() {
  const { t } = useI18n();
  return (
    <div className="search-results__empty" data-testid="search-empty">
      <p className="empty">{t('search.empty')}</p>
      <Link to={SEARCH_HELP_PATH}>{t('search.emptyHelp')}</Link>
    </div>
  );
}

function ResultsTable({ items }: { items: BoreholeHit[] }) {
  const { t, lang } = useI18n();
  const custodianName = useCustodianNames();
  const separator = lang === 'zh' ? '、' : ', ';
  return (
    <DataTable<BoreholeHit>
      caption={t('search.results')}
      testId="search-results"
      rows={items}
      rowKey={(r) => r.id}
      empty={t('search.empty')}
      columns={[
        {
          key: 'hole',
          header: t('borehole.hole_id'),
          cell: (r) => <Link to={`/boreholes/${encodeURIComponent(r.id)}`}>{r.hole_id || r.id}</Link>,
        },
        {
          key: 'name',
          header: t('borehole.name'),
          cell: (r) => <HighlightedText text={r.name} ranges={r.highlight?.name} />,
        },
        {
          key: 'province',
          header: t('borehole.province'),
          cell: (r) => (
            <>
              {provinceName(r.province_code, lang)}
              {r.coordinates_coarsened && <CoarsenedMark />}
            </>
          ),
        },
        {
          key: 'depth',
          header: t('borehole.total_depth'),
          numeric: true,
          cell: (r) => formatMetres(r.total_depth, lang, 1),
        },
        { key: 'class', header: t('borehole.core_class'), cell: (r) => <CoreClass code={r.core_class} /> },
        {
          key: 'commodities',
          header: t('borehole.commodities'),
          cell: (r) => r.commodities.map((c) => vocabularyLabel('commodity', c, lang)).join(separator),
        },
        {
          key: 'custodian',
          header: t('borehole.custodian'),
          cell: (r) =>
            r.custodian_code && (
              <Link to={`/custodians/${encodeURIComponent(r.custodian_code)}`}>
                {custodianName(r.custodian_code)}
              </Link>
            ),
        },
      ]}
    />
  );
}

function CoreClass({ code }: { code: string | null }) {
  const { lang } = useI18n();
  if (!code) return null;
  return <span className={`badge badge--class-${code}`}>{vocabularyLabel('coreClass', code, lang)}</span>;
}

/** Classified holes are published with a coarsened position; readers should know before mapping them. */
export function CoarsenedMark() {
  const { t } = useI18n();
  return (
    <span className="coarsened-mark" title={t('search.coarsened')} data-testid="coarsened-mark">
      <span aria-hidden>≈</span>
      <span className="visually-hidden">{t('search.coarsened')}</span>
    </span>
  );
}
