// The catalog records (实物资料目录) the search finds: a page at a time, with its own cursors in the
// URL (catalog_cursor) so paging here never moves the borehole list's page.
import { DataTable } from '../../../components/ui/data-table.js';
import { Loading } from '../../../components/ui/page-state.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import {
  CATALOG_PAGE_SIZE,
  type CatalogRecordSummary,
  type CatalogResultPage,
} from '../api/search-catalog.js';
import { useCatalogSearch } from '../hooks/use-search.js';
import { isStaleCursor } from '../utils/query-fault.js';
import { areaOf } from '../utils/search-area.js';
import { KeysetPager } from './search-pager.js';
import {
  catalogCursor,
  catalogPageNumber,
  firstPage,
  nextCatalogPage,
  previousCatalogPage,
  searchHref,
  type SearchLocation,
} from '../utils/search-location.js';

export function CatalogResults({ location }: { location: SearchLocation }) {
  const { t } = useI18n();
  const result = useCatalogSearch({ q: location.q, cursor: catalogCursor(location), area: areaOf(location) });
  return (
    <section
      className="card search-results"
      aria-label={t('search.catalog.results')}
      data-testid="catalog-section"
    >
      {result.status === 'loading' && <Loading />}
      {result.status === 'error' && (
        <div className="page-state page-state--error" role="alert" data-testid="catalog-failed">
          {isStaleCursor(result.error) ? (
            <>
              <p>{t('search.staleCursor')}</p>
              <Link to={searchHref(firstPage(location))}>{t('search.firstPage')}</Link>
            </>
          ) : (
            <>
              <p>{t('search.failed')}</p>
              <button type="button" onClick={result.retry}>
                {t('common.retry')}
              </button>
            </>
          )}
        </div>
      )}
      {result.status === 'success' && <CatalogPage location={location} page={result.data} />}
    </section>
  );
}

function CatalogPage({ location, page }: { location: SearchLocation; page: CatalogResultPage }) {
  const first = catalogPageNumber(location) === 1;
  return (
    <>
      <CatalogTable items={page.items} />
      {(page.next_cursor != null || !first) && <CatalogPager location={location} page={page} />}
    </>
  );
}

function CatalogTable({ items }: { items: CatalogRecordSummary[] }) {
  const { t, lang } = useI18n();
  return (
    <DataTable<CatalogRecordSummary>
      caption={t('search.catalog.results')}
      testId="catalog-results"
      rows={items}
      rowKey={(r) => r.id}
      empty={t('search.catalog.empty')}
      columns={[
        { key: 'record', header: t('catalog.record_no'), cell: (r) => r.record_no },
        {
          key: 'title',
          // English readers get the Chinese title when no English one was catalogued.
          header: t('catalog.title_col'),
          cell: (r) => (lang === 'en' && r.title_en ? r.title_en : r.title_zh),
        },
        {
          key: 'material',
          header: t('catalog.material_type'),
          cell: (r) => vocabularyLabel('materialType', r.material_type, lang),
        },
        { key: 'year', header: t('catalog.year'), numeric: true, cell: (r) => r.year ?? '' },
        {
          key: 'borehole',
          header: t('search.catalog.borehole'),
          cell: (r) =>
            r.borehole_id && (
              <Link to={`/boreholes/${encodeURIComponent(r.borehole_id)}`} data-testid="catalog-borehole">
                {r.borehole_id}
              </Link>
            ),
        },
      ]}
    />
  );
}

function CatalogPager({ location, page }: { location: SearchLocation; page: CatalogResultPage }) {
  return (
    <KeysetPager
      testId="catalog"
      number={catalogPageNumber(location)}
      pageSize={CATALOG_PAGE_SIZE}
      shown={page.items.length}
      previous={previousCatalogPage(location)}
      next={page.next_cursor != null ? nextCatalogPage(location, page.next_cursor) : null}
    />
  );
}
