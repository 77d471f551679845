// The app's routes as data, so matching is a pure function (and unit-tested).
export type Route =
  | { name: 'map' }
  | { name: 'borehole'; id: string }
  | { name: 'custodians' }
  | { name: 'custodian'; code: string }
  | { name: 'search' }
  | { name: 'search-help' }
  | { name: 'sign-in' }
  | { name: 'sign-up' }
  | { name: 'verify-email' }
  | { name: 'account' }
  | { name: 'requests' }
  | { name: 'requests-inbox' }
  | { name: 'request'; id: string }
  | { name: 'offers' }
  | { name: 'stats' }
  | { name: 'not-found' };

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'map' };
  if (path === '/custodians') return { name: 'custodians' };
  // The query and page cursors are in the query string, read by the search page itself.
  if (path === '/search') return { name: 'search' };
  if (path === '/search/help') return { name: 'search-help' };
  // `?next=` and `?token=` are in the query string, read by the pages themselves.
  if (path === '/sign-in') return { name: 'sign-in' };
  if (path === '/sign-up') return { name: 'sign-up' };
  if (path === '/verify-email') return { name: 'verify-email' };
  if (path === '/account') return { name: 'account' };
  // The requests lists' `?state=` is in the query string, read by the pages themselves.
  if (path === '/requests') return { name: 'requests' };
  if (path === '/requests/inbox') return { name: 'requests-inbox' };
  if (path === '/offers') return { name: 'offers' };
  const request = /^\/requests\/([^/]+)$/.exec(path);
  const requestId = request?.[1] ? decode(request[1]) : undefined;
  if (requestId) return { name: 'request', id: requestId };
  // Group and years are in the query string, read by the statistics page itself.
  if (path === '/stats') return { name: 'stats' };
  const borehole = /^\/boreholes\/([^/]+)$/.exec(path);
  const id = borehole?.[1] ? decode(borehole[1]) : undefined;
  if (id) return { name: 'borehole', id };
  const custodian = /^\/custodians\/([^/]+)$/.exec(path);
  const code = custodian?.[1] ? decode(custodian[1]) : undefined;
  if (code) return { name: 'custodian', code };
  return { name: 'not-found' };
}
