// A query shown as code that runs when clicked: the help page teaches by example.
import { Link } from '../../../lib/router.js';
import { queryHref } from '../utils/search-location.js';

export function ExampleQuery({ query }: { query: string }) {
  return (
    <Link to={queryHref(query)} className="example-query" data-testid="example-query">
      <code>{query}</code>
    </Link>
  );
}

export function ExampleQueries({ queries }: { queries: readonly string[] }) {
  return (
    <ul className="example-queries">
      {queries.map((query) => (
        <li key={query}>
          <ExampleQuery query={query} />
        </li>
      ))}
    </ul>
  );
}
