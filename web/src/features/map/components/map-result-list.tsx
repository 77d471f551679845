// The first page of the map search as a short list: a row shows its borehole on the map (the map
// flies there), its "details" link opens the borehole's page.
import { formatMetres } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { provinceName } from '../../../lib/provinces.js';
import { Link } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { BoreholeSummary } from '../../search/api/search-boreholes.js';
import { CoarsenedMark } from '../../search/components/search-results.js';
import { boreholePath } from './borehole-map.js';

interface MapResultListProps {
  items: BoreholeSummary[];
  selectedId: string | null;
  onLocate(item: BoreholeSummary): void;
}

export function MapResultList({ items, selectedId, onLocate }: MapResultListProps) {
  const { t, lang } = useI18n();
  return (
    <ol
      className="map-results"
      aria-label={t('mapSearch.results', { n: items.length })}
      data-testid="map-search-results"
    >
      {items.map((item) => {
        const placed = item.lon != null && item.lat != null;
        const name = item.name || item.hole_id || item.id;
        const meta = [
          item.hole_id !== name ? item.hole_id : '',
          provinceName(item.province_code, lang),
          formatMetres(item.total_depth, lang, 0),
          vocabularyLabel('coreClass', item.core_class, lang),
        ].filter(Boolean);
        return (
          <li
            key={item.id}
            className={item.id === selectedId ? 'map-result map-result--selected' : 'map-result'}
            data-testid="map-search-result"
            data-id={item.id}
          >
            <button
              type="button"
              className="map-result__locate"
              onClick={() => onLocate(item)}
              disabled={!placed}
              title={placed ? t('mapSearch.locate', { name }) : t('mapSearch.noPosition')}
            >
              <span className="map-result__name">{name}</span>
              <span className="map-result__meta">
                {meta.join(' · ')}
                {item.coordinates_coarsened && <CoarsenedMark />}
              </span>
            </button>
            <Link
              to={boreholePath(item.id)}
              className="map-result__open"
              data-testid="map-search-result-link"
            >
              {t('mapSearch.details')}
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
