// The order of the results. Choosing one changes the URL like a link would, so the order is
// bookmarked and shared with the rest of the search, and back returns to the previous order.
import { SelectField } from '../../../components/ui/select-field.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { MessageKey } from '../../../lib/i18n.js';
import { navigate } from '../../../lib/router.js';
import { currentSort, searchHref, withSort, type SearchLocation } from '../utils/search-location.js';
import { isSearchSort, sortsFor, type SearchSort } from '../utils/search-sort.js';

const SORT_LABELS: Record<SearchSort, MessageKey> = {
  relevance: 'search.sort.relevance',
  id: 'search.sort.id',
  depth: 'search.sort.shallowFirst',
  '-depth': 'search.sort.deepFirst',
  date: 'search.sort.oldFirst',
  '-date': 'search.sort.newFirst',
  distance: 'search.sort.distance',
};

export function SearchSortSelect({ location }: { location: SearchLocation }) {
  const { t } = useI18n();
  return (
    <div className="search-sort">
      <SelectField
        id="search-sort"
        label={t('search.sort')}
        value={currentSort(location)}
        options={sortsFor(location).map((sort) => ({ value: sort, label: t(SORT_LABELS[sort]) }))}
        onValue={(value) => {
          if (isSearchSort(value)) navigate(searchHref(withSort(location, value)), { scroll: false });
        }}
        data-testid="search-sort"
      />
    </div>
  );
}
