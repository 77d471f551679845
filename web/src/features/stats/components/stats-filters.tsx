// The page's choices: how to group, which years, one custodian. Applied on submit, into the URL.
import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/ui/text-field.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { navigate } from '../../../lib/router.js';
import { STATS_GROUPS, type StatsGroup, type StatsParams } from '../api/get-stats.js';
import { FIRST_YEAR, parseYear, statsHref } from '../utils/stats-location.js';

const yearText = (y: number | undefined) => (y === undefined ? '' : String(y));

export function StatsFilters({ params, custodians }: { params: StatsParams; custodians: string[] }) {
  const { t } = useI18n();
  const [group, setGroup] = useState<StatsGroup>(params.group);
  const [from, setFrom] = useState(yearText(params.from));
  const [to, setTo] = useState(yearText(params.to));
  const [custodian, setCustodian] = useState(params.custodian ?? '');
  const bad = (text: string) => (text.trim() && parseYear(text) === undefined ? t('stats.yearError') : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (bad(from) || bad(to)) return;
    const code = custodian.trim();
    navigate(
      statsHref({
        group,
        from: parseYear(from),
        to: parseYear(to),
        ...(code && { custodian: code }),
      }),
      { scroll: false },
    );
  }

  return (
    <form className="card stats-filters" onSubmit={submit} aria-label={t('stats.filters')}>
      <div className="field">
        <label htmlFor="stats-group">{t('stats.group')}</label>
        <select
          id="stats-group"
          value={group}
          onChange={(event) => setGroup(event.target.value as StatsGroup)}
          data-testid="stats-group"
        >
          {STATS_GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`stats.group.${g}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        id="stats-from"
        label={t('stats.from')}
        value={from}
        onValue={setFrom}
        inputMode="numeric"
        placeholder={String(FIRST_YEAR)}
        maxLength={4}
        error={bad(from)}
      />
      <TextField
        id="stats-to"
        label={t('stats.to')}
        value={to}
        onValue={setTo}
        inputMode="numeric"
        placeholder={String(new Date().getFullYear())}
        maxLength={4}
        error={bad(to)}
        hint={t('stats.yearHint')}
      />
      <TextField
        id="stats-custodian"
        label={t('stats.custodian')}
        value={custodian}
        onValue={setCustodian}
        hint={t('stats.custodianHint')}
        list={custodians.length ? 'stats-custodians' : undefined}
        maxLength={64}
        autoComplete="off"
      />
      {custodians.length > 0 && (
        <datalist id="stats-custodians">
          {custodians.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      )}
      <div className="stats-filters__submit">
        <button type="submit" data-testid="stats-apply">
          {t('stats.apply')}
        </button>
      </div>
    </form>
  );
}
