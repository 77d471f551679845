// Whether a returned dataset's values are still with its authors: "保护期至 2028-11-27", or "已公开".
import { useI18n } from '../../../lib/i18n-context.js';
import type { ReturnedDataset } from '../api/returned-dataset.js';
import { embargoDay } from '../utils/returned-values.js';

export function EmbargoStatus({ dataset: d }: { dataset: ReturnedDataset }) {
  const { t } = useI18n();
  return d.under_embargo ? (
    <span className="embargo-status embargo-status--closed" data-testid="embargo-status">
      {t('returns.embargoUntil', { date: embargoDay(d.embargo_until) })}
    </span>
  ) : (
    <span className="embargo-status embargo-status--open" data-testid="embargo-status">
      {t('returns.open')}
    </span>
  );
}
