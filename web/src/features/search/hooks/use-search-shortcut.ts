import { useEffect, type RefObject } from 'react';
import { isSearchShortcut } from '../utils/slash-shortcut.js';

/** Focuses (and selects) the given search box when `/` is pressed anywhere on the page. */
export function useSearchShortcut(input: RefObject<HTMLInputElement | null>, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event) || !input.current) return;
      event.preventDefault();
      input.current.focus();
      input.current.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input, enabled]);
}
