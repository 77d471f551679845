// On the search page, a search opened from the map keeps its area: say which, and offer the way back
// to the map and the way out of the limit.
import { useI18n } from '../../../lib/i18n-context.js';
import { Link } from '../../../lib/router.js';
import { describeArea } from '../utils/describe-area.js';
import { areaOf } from '../utils/search-area.js';
import { firstPage, mapHref, searchHref, type SearchLocation } from '../utils/search-location.js';

export function SearchAreaNotice({ location }: { location: SearchLocation }) {
  const { t, lang } = useI18n();
  const area = describeArea(areaOf(location), lang);
  if (area === null) return null;
  return (
    <p className="search-area-notice" data-testid="search-area">
      <span>{t('search.area', { area })}</span>
      <Link to={mapHref(location)} data-testid="search-area-map">
        {t('search.areaOnMap')}
      </Link>
      <Link to={searchHref(firstPage(location, { withArea: false }))} data-testid="search-area-remove">
        {t('search.areaRemove')}
      </Link>
    </p>
  );
}
