// What the server found wrong with a query: its message in the reader's language, and the query
// repeated under the box with the part at fault underlined.
import { useI18n } from '../../../lib/i18n-context.js';
import { splitAtFault, type QueryFault } from '../utils/query-fault.js';

export function QueryFaultNotice({ id, query, fault }: { id: string; query: string; fault: QueryFault }) {
  const { t } = useI18n();
  return (
    <div id={id} className="query-fault" role="alert" data-testid="search-fault">
      {fault.position != null && <QueryEcho query={query} position={fault.position} length={fault.length} />}
      <p className="query-fault__message">
        <strong>{t('search.invalid')}</strong>
        <span data-testid="search-fault-message">{fault.message}</span>
      </p>
    </div>
  );
}

function QueryEcho({ query, position, length }: { query: string; position: number; length: number }) {
  const { t } = useI18n();
  const { before, fault, after } = splitAtFault(query, position, length);
  // A zero-length fault is a gap (a value or term missing there): a caret marks the spot.
  const gap = fault === '';
  return (
    <p className="query-echo" data-testid="search-fault-echo">
      {before}
      <span className="visually-hidden">{gap ? t('search.faultMissing') : `(${t('search.faultHere')})`}</span>
      <mark
        className={gap ? 'query-echo__fault query-echo__fault--gap' : 'query-echo__fault'}
        data-testid="search-fault-mark"
        title={gap ? t('search.faultMissing') : t('search.faultHere')}
      >
        {fault}
      </mark>
      {after}
    </p>
  );
}
