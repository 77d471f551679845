// The requester organisation's credit record, beside the custodian's actions on a request: its score
// and what earned it (returns on time, late, damaged), so the curator judges with the history in
// view. Shown only where the server allows it; nothing at all for anyone else.
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { useCreditRecord } from '../hooks/use-credit-record.js';
import { CREDIT_EVENT_KINDS, signedPoints } from '../utils/credit.js';
import './returns.css';

export function CreditRecordCard({ organisation, version }: { organisation: string; version: number }) {
  const { t, lang } = useI18n();
  const record = useCreditRecord(organisation, version);
  if (record.status === 'loading') return null;
  if (record.status === 'error')
    return (
      <p className="note credit-record" role="alert">
        {t('credit.loadFailed')}{' '}
        <button type="button" className="link-button" onClick={record.retry}>
          {t('common.retry')}
        </button>
      </p>
    );
  const r = record.data;
  if (!r) return null;
  const name = (lang === 'en' ? r.organisation.name_en : null) ?? r.organisation.name_zh;
  return (
    <section className="credit-record" aria-labelledby="credit-record-title" data-testid="credit-record">
      <h3 id="credit-record-title">{t('credit.title')}</h3>
      <p className="credit-record__score">
        {t('credit.of', { organisation: name, code: r.organisation.code })}{' '}
        <strong data-testid="credit-score" data-score={r.score}>
          {signedPoints(r.score, lang)}
        </strong>
        <span className="muted"> · {t('credit.events', { n: formatCount(r.events, lang) })}</span>
      </p>
      <table className="credit-record__table" data-testid="credit-kinds">
        <caption className="visually-hidden">{t('credit.byKind')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('credit.kind')}</th>
            <th scope="col" className="num">
              {t('credit.count')}
            </th>
            <th scope="col" className="num">
              {t('credit.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {CREDIT_EVENT_KINDS.map((kind) => {
            const entry = r.by_kind[kind] ?? { count: 0, points: 0 };
            return (
              <tr
                key={kind}
                data-kind={kind}
                data-count={entry.count}
                className={entry.count ? undefined : 'muted'}
              >
                <th scope="row">{vocabularyLabel('creditEvent', kind, lang)}</th>
                <td className="num">{formatCount(entry.count, lang)}</td>
                <td className="num">{entry.count ? signedPoints(entry.points, lang) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
