// /custodians — every custodian, grouped by level (national first), with its holdings counts.
import { LoadError, Loading } from '../../../components/ui/page-state.js';
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { provinceName } from '../../../lib/provinces.js';
import { Link } from '../../../lib/router.js';
import { CUSTODIAN_LEVEL_ORDER, vocabularyLabel } from '../../../lib/vocabulary.js';
import type { Custodian } from '../api/get-custodians.js';
import { useCustodians } from '../hooks/use-custodians.js';
import { custodianName } from './custodian-name.js';
import './custodians.css';

/** Groups in the paper's order; unknown levels after them, alphabetically. */
export function groupByLevel(items: Custodian[]): Array<[string, Custodian[]]> {
  const groups = new Map<string, Custodian[]>();
  for (const c of items) {
    const level = c.level ?? '';
    groups.set(level, [...(groups.get(level) ?? []), c]);
  }
  const rank = (l: string): number => {
    const i = (CUSTODIAN_LEVEL_ORDER as readonly string[]).indexOf(l);
    return i < 0 ? CUSTODIAN_LEVEL_ORDER.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export function CustodiansPage() {
  const { t, lang } = useI18n();
  const query = useCustodians();
  useDocumentTitle(t('custodians.title'), lang);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'error') return <LoadError error={query.error} retry={query.retry} />;
  const groups = groupByLevel(query.data.items);

  return (
    <div className="custodians" data-testid="custodians-page">
      <header className="page-header">
        <h1>{t('custodians.title')}</h1>
        <p className="lead">{t('custodians.intro')}</p>
      </header>
      {groups.length === 0 && <p className="empty">{t('custodians.empty')}</p>}
      {groups.map(([level, items]) => (
        <section key={level} aria-labelledby={`level-${level}`} className="custodian-group">
          <h2 id={`level-${level}`}>
            {vocabularyLabel('custodianLevel', level, lang) || t('common.unknown')}{' '}
            <span className="count">{formatCount(items.length, lang)}</span>
          </h2>
          <ul className="card-grid">
            {items.map((c) => (
              <li key={c.code} className="card custodian-card">
                <h3>
                  <Link to={`/custodians/${encodeURIComponent(c.code)}`}>{custodianName(c, lang)}</Link>
                </h3>
                <p className="muted">
                  {[provinceName(c.province_code, lang), c.code].filter(Boolean).join(' · ')}
                </p>
                <p className="stats">
                  <span>
                    {t('custodians.boreholeCount')}{' '}
                    <strong>{formatCount(c.borehole_count ?? 0, lang)}</strong>
                  </span>
                  <span>
                    {t('custodians.catalogCount')} <strong>{formatCount(c.catalog_count ?? 0, lang)}</strong>
                  </span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
