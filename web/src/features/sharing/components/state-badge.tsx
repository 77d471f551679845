// A request's state as a coloured label: waiting, under way, settled well, or ended without use.
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';

const TONE: Record<string, string> = {
  draft: 'draft',
  submitted: 'waiting',
  custodian_review: 'waiting',
  owner_consent: 'waiting',
  permit: 'waiting',
  agreement: 'waiting',
  fulfilled: 'done',
  returned: 'done',
  results_returned: 'done',
  closed: 'closed',
  rejected: 'ended',
  withdrawn: 'ended',
  expired: 'ended',
};

export function StateBadge({ state, testId }: { state: string; testId?: string }) {
  const { lang } = useI18n();
  return (
    <span
      className={`badge state-badge state-badge--${TONE[state] ?? 'draft'}`}
      data-state={state}
      data-testid={testId}
    >
      {vocabularyLabel('requestState', state, lang)}
    </span>
  );
}
