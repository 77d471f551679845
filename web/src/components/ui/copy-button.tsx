// Copies a value (public ids are what people paste into requests and citations).
import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n-context.js';

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard permission (or plain http): the id stays selectable on the page.
      setState('failed');
    }
  };

  return (
    <button
      type="button"
      className="copy-button"
      onClick={() => void copy()}
      aria-label={`${label ?? t('common.copy')}: ${value}`}
    >
      <span aria-live="polite">
        {state === 'copied'
          ? t('common.copied')
          : state === 'failed'
            ? t('common.copyFailed')
            : t('common.copy')}
      </span>
    </button>
  );
}
