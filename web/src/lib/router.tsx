// A tiny History-API router: the app has a handful of routes, which do not justify a routing library.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAVIGATE_EVENT = 'coreshare:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The query string (`?q=…`), so pages whose state lives in the URL re-render on back/forward. */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (a map view following the map). */
  replace?: boolean;
  /** Scroll to the top, as a new page should; off for changes within a page the reader is using. */
  scroll?: boolean;
}

export function navigate(to: string, { replace = false, scroll = !replace }: NavigateOptions = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (scroll) window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** True for a plain left click that the router may take over (not new tab, not download). */
export function isPlainClick(event: MouseEvent | globalThis.MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  to: string;
  /** False for links that change part of the page being used (a filter), not go to another page. */
  scroll?: boolean;
};

export function Link({ to, onClick, scroll = true, ...rest }: LinkProps) {
  return (
    <a
      href={to}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainClick(event) || rest.target) return;
        event.preventDefault();
        navigate(to, { scroll });
      }}
      {...rest}
    />
  );
}
