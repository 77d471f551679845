// Physical holdings of a borehole: core boxes with shelf locations, samples taken, catalog records.
import { DataTable } from '../../../components/ui/data-table.js';
import { formatNumber, formatPercent } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { CatalogItem, CoreBox, Sample } from '../api/get-borehole.js';

type Translate = ReturnType<typeof useI18n>['t'];
type Lang = ReturnType<typeof useI18n>['lang'];

/** From–to depth columns, shared by every interval table. */
function depthColumns<T extends { depth_from: number | null; depth_to: number | null }>(
  t: Translate,
  lang: Lang,
) {
  return [
    {
      key: 'from',
      header: t('interval.from'),
      numeric: true,
      cell: (r: T) => formatNumber(r.depth_from, lang, 2),
    },
    { key: 'to', header: t('interval.to'), numeric: true, cell: (r: T) => formatNumber(r.depth_to, lang, 2) },
  ];
}

export function BoxesTable({ boxes }: { boxes: CoreBox[] }) {
  const { t, lang } = useI18n();
  return (
    <DataTable<CoreBox>
      caption={t('boxes.title')}
      testId="boxes-table"
      rows={boxes}
      rowKey={(r) => String(r.id)}
      empty={t('boxes.empty')}
      columns={[
        { key: 'no', header: t('boxes.box_no'), cell: (r) => r.box_no },
        ...depthColumns<CoreBox>(t, lang),
        { key: 'shelf', header: t('boxes.shelf_location'), cell: (r) => r.shelf_location },
      ]}
    />
  );
}

export function SamplesTable({ samples }: { samples: Sample[] }) {
  const { t, lang } = useI18n();
  return (
    <DataTable<Sample>
      caption={t('samples.title')}
      testId="samples-table"
      rows={samples}
      rowKey={(r) => String(r.id)}
      empty={t('samples.empty')}
      columns={[
        { key: 'no', header: t('samples.sample_no'), cell: (r) => r.sample_no },
        ...depthColumns<Sample>(t, lang),
        { key: 'type', header: t('samples.sample_type'), cell: (r) => r.sample_type },
        { key: 'for', header: t('samples.taken_for'), cell: (r) => r.taken_for },
        { key: 'at', header: t('samples.taken_at'), cell: (r) => r.taken_at },
        {
          key: 'left',
          header: t('samples.remaining'),
          numeric: true,
          cell: (r) => formatPercent(r.remaining_fraction, lang),
        },
      ]}
    />
  );
}

export function CatalogTable({ items }: { items: CatalogItem[] }) {
  const { t, lang } = useI18n();
  const title = (r: CatalogItem): string | null =>
    lang === 'zh' ? r.title_zh || r.title_en : r.title_en || r.title_zh;
  return (
    <DataTable<CatalogItem>
      caption={t('catalog.title')}
      testId="catalog-table"
      rows={items}
      rowKey={(r) => String(r.id)}
      empty={t('catalog.empty')}
      columns={[
        { key: 'no', header: t('catalog.record_no'), cell: (r) => r.record_no },
        { key: 'title', header: t('catalog.title_col'), cell: title },
        {
          key: 'type',
          header: t('catalog.material_type'),
          cell: (r) => vocabularyLabel('materialType', r.material_type, lang),
        },
        {
          key: 'qty',
          header: t('catalog.quantity'),
          numeric: true,
          cell: (r) => [formatNumber(r.quantity, lang, 2), r.unit].filter(Boolean).join(' '),
        },
        { key: 'year', header: t('catalog.year'), numeric: true, cell: (r) => r.year },
      ]}
    />
  );
}
