// Facet counts as links that add their filter to the query (or take it out again when it is already
// there). Links, not buttons: each refined search is a URL of its own, to open in a tab or share.
import { useState } from 'react';
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { MessageKey } from '../../../lib/i18n.js';
import { Link } from '../../../lib/router.js';
import type { FacetCount, FacetCounts, FacetName } from '../api/search-boreholes.js';
import { facetTerm, facetValueLabel, hasTerm, toggleTerm } from '../utils/facet-terms.js';
import './facets.css';

/** Values shown before "n more": enough for the common cases without pushing the rest away. */
const SHOWN_VALUES = 8;

const FACET_TITLES: Record<FacetName, MessageKey> = {
  province: 'borehole.province',
  commodity: 'borehole.commodities',
  type: 'borehole.deposit_type',
  class: 'borehole.core_class',
  custodian: 'borehole.custodian',
  level: 'custodians.level',
  funding: 'borehole.funding_source',
  has: 'facets.has',
  mode: 'facets.mode',
  depth: 'borehole.total_depth',
  decade: 'borehole.drilled',
};

interface FacetGroupsProps {
  facets: FacetCounts;
  names: readonly FacetName[];
  /** The query the counts are for; a value's link adds its term to it. */
  q: string;
  /** The URL of the same search with another query. */
  hrefFor(q: string): string;
}

export function FacetGroups({ facets, names, q, hrefFor }: FacetGroupsProps) {
  const { t } = useI18n();
  const shown = names.filter((name) => (facets[name]?.length ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <section className="facets" aria-labelledby="facets-title" data-testid="facets">
      <h3 id="facets-title" className="facets__title">
        {t('facets.title')}
      </h3>
      {shown.map((name) => (
        <FacetGroup key={name} name={name} counts={facets[name] ?? []} q={q} hrefFor={hrefFor} />
      ))}
    </section>
  );
}

function FacetGroup({
  name,
  counts,
  q,
  hrefFor,
}: {
  name: FacetName;
  counts: FacetCount[];
  q: string;
  hrefFor(q: string): string;
}) {
  const { t, lang } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const titleId = `facet-${name}`;
  const values = expanded ? counts : counts.slice(0, SHOWN_VALUES);
  return (
    <div className="facet-group" role="group" aria-labelledby={titleId}>
      <h4 id={titleId}>{t(FACET_TITLES[name])}</h4>
      <ul className="facet-values">
        {values.map(({ value, count }) => {
          const term = facetTerm(name, value);
          const label = facetValueLabel(name, value, lang);
          const active = term !== null && hasTerm(q, term);
          return (
            <li key={value}>
              {term === null ? (
                <span className="facet-value facet-value--plain">
                  {label} <span className="facet-value__count">{formatCount(count, lang)}</span>
                </span>
              ) : (
                <Link
                  to={hrefFor(toggleTerm(q, term))}
                  scroll={false}
                  className={active ? 'facet-value facet-value--active' : 'facet-value'}
                  aria-current={active ? 'true' : undefined}
                  title={term}
                  data-testid="facet-value"
                  data-facet={name}
                  data-value={value}
                >
                  {active && <span aria-hidden>✓ </span>}
                  {label} <span className="facet-value__count">{formatCount(count, lang)}</span>
                </Link>
              )}
            </li>
          );
        })}
      </ul>
      {counts.length > SHOWN_VALUES && !expanded && (
        <button type="button" className="link-button facet-more" onClick={() => setExpanded(true)}>
          {t('facets.more', { n: formatCount(counts.length - SHOWN_VALUES, lang) })}
        </button>
      )}
    </div>
  );
}
