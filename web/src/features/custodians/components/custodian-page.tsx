// /custodians/:code — one custodian, how to reach it, and the boreholes it holds.
import { DataTable } from '../../../components/ui/data-table.js';
import { DefinitionList } from '../../../components/ui/definition-list.js';
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatCount, formatMetres } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { provinceName } from '../../../lib/provinces.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { BoreholeListItem } from '../api/get-custodian-boreholes.js';
import type { Custodian } from '../api/get-custodians.js';
import { useCustodianBoreholes } from '../hooks/use-custodian-boreholes.js';
import { useCustodian } from '../hooks/use-custodians.js';
import { custodianName } from './custodian-name.js';

export function CustodianPage({ code }: { code: string }) {
  const query = useCustodian(code);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'error') return <LoadError error={query.error} retry={query.retry} />;
  return <CustodianView c={query.data} />;
}

function CustodianView({ c }: { c: Custodian }) {
  const { t, lang } = useI18n();
  const other = lang === 'zh' ? c.name_en : c.name_zh;
  useDocumentTitle(custodianName(c, lang), lang);
  return (
    <article className="custodian" data-testid="custodian-page">
      <p className="breadcrumb">
        <Link to="/custodians">← {t('custodians.all')}</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">{vocabularyLabel('custodianLevel', c.level, lang)}</p>
        <h1>{custodianName(c, lang)}</h1>
        {other && other !== custodianName(c, lang) && <p className="lead">{other}</p>}
      </header>
      <section className="card">
        <DefinitionList
          items={[
            { label: t('custodians.level'), value: vocabularyLabel('custodianLevel', c.level, lang) },
            { label: t('custodians.province'), value: provinceName(c.province_code, lang) },
            { label: t('custodians.contact'), value: c.contact_name },
            {
              label: t('custodians.email'),
              value: c.contact_email && <a href={`mailto:${c.contact_email}`}>{c.contact_email}</a>,
            },
            {
              label: t('custodians.phone'),
              value: c.contact_phone && (
                <a href={`tel:${c.contact_phone.replace(/\s/g, '')}`}>{c.contact_phone}</a>
              ),
            },
            { label: t('custodians.address'), value: c.address },
            { label: t('custodians.boreholeCount'), value: formatCount(c.borehole_count ?? 0, lang) },
            { label: t('custodians.catalogCount'), value: formatCount(c.catalog_count ?? 0, lang) },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="custodian-boreholes">
        <h2 id="custodian-boreholes">{t('custodians.boreholes')}</h2>
        <CustodianBoreholes code={c.code} total={c.borehole_count} />
      </section>
    </article>
  );
}

function CustodianBoreholes({ code, total }: { code: string; total: number | null }) {
  const { t, lang } = useI18n();
  const list = useCustodianBoreholes(code);
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <>
      <DataTable<BoreholeListItem>
        caption={t('custodians.boreholes')}
        testId="custodian-boreholes"
        rows={list.items}
        rowKey={(r) => r.id}
        empty={list.status === 'loading' ? t('common.loading') : t('custodians.noBoreholes')}
        columns={[
          {
            key: 'name',
            header: t('borehole.name'),
            cell: (r) => (
              <Link to={`/boreholes/${encodeURIComponent(r.id)}`}>{r.name || r.hole_id || r.id}</Link>
            ),
          },
          { key: 'hole', header: t('borehole.hole_id'), cell: (r) => r.hole_id },
          {
            key: 'province',
            header: t('borehole.province'),
            cell: (r) => provinceName(r.province_code, lang),
          },
          { key: 'deposit', header: t('borehole.deposit_name'), cell: (r) => r.deposit_name },
          {
            key: 'commodities',
            header: t('borehole.commodities'),
            cell: (r) => (r.commodities ?? []).map((x) => vocabularyLabel('commodity', x, lang)).join(sep),
          },
          {
            key: 'class',
            header: t('borehole.core_class'),
            cell: (r) => vocabularyLabel('coreClass', r.core_class, lang),
          },
          {
            key: 'depth',
            header: t('borehole.total_depth'),
            numeric: true,
            cell: (r) => formatMetres(r.total_depth, lang, 1),
          },
        ]}
      />
      <div className="list-footer">
        {total != null && list.items.length > 0 && (
          <span className="muted">
            {t('custodians.shownOf', {
              shown: formatCount(list.items.length, lang),
              total: formatCount(total, lang),
            })}
          </span>
        )}
        {list.status === 'error' && <span role="alert">{t('common.loadFailed')}</span>}
        {list.hasMore && list.items.length > 0 && (
          <button type="button" onClick={list.loadMore} disabled={list.status === 'loading'}>
            {list.status === 'loading' ? t('common.loading') : t('common.more')}
          </button>
        )}
        {list.status === 'error' && list.items.length === 0 && (
          <button type="button" onClick={list.loadMore}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </>
  );
}
