// The header's search box. On the search page it shows the query searched, and leaves the `/`
// shortcut to the page's own, larger box.
import { useLocationSearch } from '../../../lib/router.js';
import { parseSearchLocation } from '../utils/search-location.js';
import { SearchForm } from './search-form.js';

export function HeaderSearch({ onSearchPage }: { onSearchPage: boolean }) {
  const search = useLocationSearch();
  const query = onSearchPage ? parseSearchLocation(search).q : '';
  return <SearchForm variant="header" query={query} shortcut={!onSearchPage} />;
}
