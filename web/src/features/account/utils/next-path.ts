// Where to go after signing in: `?next=` carries the page the reader came from. Only a path on this
// site is followed (never `//elsewhere` or `https://…`), and never back to a sign-in page.

const AUTH_PATHS = ['/sign-in', '/sign-up', '/verify-email'];

export function isAuthPath(pathname: string): boolean {
  return AUTH_PATHS.includes(pathname.replace(/\/+$/, '') || '/');
}

/** `raw` when it is a path on this site that is not a sign-in page; else `fallback`. */
export function safeNext(raw: string | null | undefined, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  const origin = 'http://coreshare.invalid';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  // The URL parser drops tabs and newlines, so `/\t/evil` can still turn into another host.
  if (url.origin !== origin || isAuthPath(url.pathname)) return fallback;
  return url.pathname + url.search + url.hash;
}

/**
 * The page a sign-in link started on the current page should return to: the current page itself,
 * or, on the sign-in pages, the `next` they are carrying. Null: nothing worth returning to.
 */
export function nextFromLocation(pathname: string, search: string): string | null {
  const next = isAuthPath(pathname)
    ? safeNext(new URLSearchParams(search).get('next'), '')
    : safeNext(pathname + search, '');
  return next && next !== '/' ? next : null;
}

/** `/sign-in?next=…` (or `/sign-up?next=…`), without `next` when there is nowhere to return to. */
export function authHref(path: '/sign-in' | '/sign-up', next: string | null): string {
  return next ? `${path}?${new URLSearchParams({ next }).toString()}` : path;
}
