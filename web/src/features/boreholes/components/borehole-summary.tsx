// The borehole's header data as labelled definition lists, grouped as a geologist reads them.
import { DefinitionList } from '../../../components/ui/definition-list.js';
import { formatDateRange, formatMetres, formatNumber, formatPercent } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { provinceName } from '../../../lib/provinces.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { Borehole } from '../api/get-borehole.js';

export function BoreholeSummary({ b }: { b: Borehole }) {
  const { t, lang } = useI18n();
  const name = (o: { name_zh: string | null; name_en: string | null; code: string }): string =>
    (lang === 'zh' ? o.name_zh || o.name_en : o.name_en || o.name_zh) || o.code;
  const list = lang === 'zh' ? '、' : ', ';
  const coords =
    b.lon != null && b.lat != null
      ? `${formatNumber(b.lon, lang, 6)}, ${formatNumber(b.lat, lang, 6)}${b.coordinates_coarsened ? ` ${t('borehole.coarsened')}` : ''}`
      : '';
  const source =
    b.src_x != null && b.src_y != null
      ? `${formatNumber(b.src_x, lang, 2)}, ${formatNumber(b.src_y, lang, 2)}${b.src_crs ? ` (${b.src_crs})` : ''}`
      : '';

  return (
    <div className="summary-grid">
      <section aria-labelledby="summary-location">
        <h3 id="summary-location">{t('borehole.location')}</h3>
        <DefinitionList
          items={[
            { label: t('borehole.hole_id'), value: b.hole_id },
            { label: t('borehole.dataset'), value: b.dataset },
            { label: t('borehole.project'), value: b.project },
            { label: t('borehole.province'), value: provinceName(b.province_code, lang) },
            { label: t('borehole.county'), value: b.county },
            { label: t('borehole.lonlat'), value: coords },
            { label: t('borehole.source'), value: source },
            { label: t('borehole.collar_elev'), value: formatMetres(b.collar_elev, lang) },
            { label: t('borehole.total_depth'), value: formatMetres(b.total_depth, lang) },
            { label: t('borehole.drilled'), value: formatDateRange(b.drill_start, b.drill_end) },
            { label: t('borehole.purpose'), value: b.purpose },
          ]}
        />
      </section>
      <section aria-labelledby="summary-geology">
        <h3 id="summary-geology">{t('borehole.geology')}</h3>
        <DefinitionList
          items={[
            { label: t('borehole.deposit_name'), value: b.deposit_name },
            {
              label: t('borehole.commodities'),
              value: (b.commodities ?? []).map((c) => vocabularyLabel('commodity', c, lang)).join(list),
            },
            { label: t('borehole.deposit_type'), value: b.deposit_type },
            { label: t('borehole.tectonic_unit'), value: b.tectonic_unit },
            { label: t('borehole.metallogenic_belt'), value: b.metallogenic_belt },
            { label: t('borehole.core_length'), value: formatMetres(b.core_length, lang) },
            { label: t('borehole.recovery'), value: formatPercent(b.recovery, lang) },
          ]}
        />
      </section>
      <section aria-labelledby="summary-custody">
        <h3 id="summary-custody">{t('borehole.custody')}</h3>
        <DefinitionList
          items={[
            { label: t('borehole.core_class'), value: vocabularyLabel('coreClass', b.core_class, lang) },
            {
              label: t('borehole.custodian'),
              value: b.custodian && (
                <>
                  <Link to={`/custodians/${encodeURIComponent(b.custodian.code)}`}>{name(b.custodian)}</Link>
                  {b.custodian.level && (
                    <span className="muted">
                      {' '}
                      · {vocabularyLabel('custodianLevel', b.custodian.level, lang)}
                    </span>
                  )}
                </>
              ),
            },
            {
              label: t('borehole.depositor'),
              value: b.depositor && (
                <>
                  {name(b.depositor)}
                  {b.depositor.kind && (
                    <span className="muted">
                      {' '}
                      · {vocabularyLabel('organisationKind', b.depositor.kind, lang)}
                    </span>
                  )}
                </>
              ),
            },
            {
              label: t('borehole.funding_source'),
              value: vocabularyLabel('fundingSource', b.funding_source, lang),
            },
            {
              label: t('borehole.ownership_dispute'),
              value: b.ownership_dispute == null ? '' : t(b.ownership_dispute ? 'common.yes' : 'common.no'),
            },
            {
              label: t('borehole.confidentiality'),
              value: vocabularyLabel('confidentiality', b.confidentiality, lang),
            },
          ]}
        />
      </section>
    </div>
  );
}
