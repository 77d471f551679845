// A request's history, oldest first: who took each step, as which party, when, the state it moved
// the request to, and the reason given for a refusal or withdrawal (traceability, DOMAIN.md 5.4).
import { formatDateTime } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { TimelineEntry } from '../api/get-request.js';

export function RequestTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="empty">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline" data-testid="request-timeline">
      {entries.map((e, i) => (
        <li
          key={`${e.at}:${i}`}
          className="timeline__entry"
          data-action={e.action}
          data-testid="timeline-entry"
        >
          <span className="timeline__dot" aria-hidden />
          <div className="timeline__body">
            <p className="timeline__what">
              <strong>{vocabularyLabel('requestAction', e.action, lang)}</strong>
              {e.from_state !== e.to_state && (
                <span className="timeline__states">
                  {' '}
                  {vocabularyLabel('requestState', e.from_state, lang)}
                  <span aria-label={t('timeline.to')}> → </span>
                  {vocabularyLabel('requestState', e.to_state, lang)}
                </span>
              )}
            </p>
            <p className="timeline__who">
              {e.actor}
              <span className="muted"> · {vocabularyLabel('requestParty', e.party, lang)}</span>
              <span className="muted">
                {' '}
                · <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              </span>
            </p>
            {e.reason && (
              <blockquote className="timeline__reason">
                <span className="visually-hidden">{t('timeline.reason')}: </span>
                {e.reason}
              </blockquote>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
