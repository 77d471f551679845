// Rows of samples (top, bottom, share of the cross-section) with add and remove; each input is
// labelled with its row number so a screen reader says which sample it is in.
import { useI18n } from '../../../lib/i18n-context.js';
import { emptySample, type SampleRow } from '../utils/request-form.js';

export function SamplesEditor({
  id,
  rows,
  onRows,
  error,
  legend,
  disabled,
}: {
  id: string;
  rows: SampleRow[];
  onRows(rows: SampleRow[]): void;
  error?: string | null;
  legend: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const set = (i: number, change: Partial<SampleRow>) =>
    onRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className="samples-editor"
      id={id}
      aria-describedby={errorId}
      data-testid={id}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      <p className="field__hint">{t('samples.hint')}</p>
      {rows.length > 0 && (
        <div className="samples-editor__scroll">
          <table className="samples-editor__table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('interval.from')}</th>
                <th scope="col">{t('interval.to')}</th>
                <th scope="col">{t('samples.fraction')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('samples.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const n = i + 1;
                return (
                  <tr key={i} data-testid={`${id}-row`}>
                    <td>{n}</td>
                    <td>
                      <input
                        inputMode="decimal"
                        value={row.depth_from}
                        onChange={(e) => set(i, { depth_from: e.target.value })}
                        aria-label={t('samples.fromLabel', { n })}
                        aria-invalid={error ? true : undefined}
                        data-testid={`${id}-from-${n}`}
                      />
                    </td>
                    <td>
                      <input
                        inputMode="decimal"
                        value={row.depth_to}
                        onChange={(e) => set(i, { depth_to: e.target.value })}
                        aria-label={t('samples.toLabel', { n })}
                        aria-invalid={error ? true : undefined}
                        data-testid={`${id}-to-${n}`}
                      />
                    </td>
                    <td>
                      <input
                        inputMode="decimal"
                        value={row.fraction}
                        onChange={(e) => set(i, { fraction: e.target.value })}
                        aria-label={t('samples.fractionLabel', { n })}
                        aria-invalid={error ? true : undefined}
                        data-testid={`${id}-fraction-${n}`}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary samples-editor__remove"
                        onClick={() => onRows(rows.filter((_, j) => j !== i))}
                        aria-label={t('samples.removeLabel', { n })}
                      >
                        {t('samples.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <button
        type="button"
        className="button-secondary"
        onClick={() => onRows([...rows, emptySample()])}
        data-testid={`${id}-add`}
      >
        {t('samples.add')}
      </button>
      {error && (
        <p id={errorId} className="field__error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
