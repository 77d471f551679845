// The header's search box. On the search page it shows the query searched. Pages with a search box
// of their own (the search page, the map's search panel) keep the `/` shortcut for it.
import { useLocationSearch } from '../../../lib/router.js';
import { parseSearchLocation } from '../utils/search-location.js';
import { SearchForm } from './search-form.js';

export function HeaderSearch({ onSearchPage, pageHasBox }: { onSearchPage: boolean; pageHasBox: boolean }) {
  const search = useLocationSearch();
  const query = onSearchPage ? parseSearchLocation(search).q : '';
  return <SearchForm variant="header" query={query} shortcut={!pageHasBox} />;
}
