// The steps the reader may take on a request now (the server's `actions`), one button each. A step
// that must carry something (a reason, a due date, the samples cut, the returned material's
// condition) opens its inputs first; the rest act on the click. Refusals are listed inline in the
// reader's language; a stale page offers to reload.
import { useRef, useState, type FormEvent } from 'react';
import { TextAreaField } from '../../../components/ui/text-area-field.js';
import { TextField } from '../../../components/ui/text-field.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { AvailableAction, RequestDetail } from '../api/get-request.js';
import { transitionRequest } from '../api/transition-request.js';
import { isStale, refusalMessages, refusalRules } from '../utils/refusals.js';
import { sampleRowsOf, type FormProblem } from '../utils/request-form.js';
import {
  actionInputs,
  localDate,
  NEGATIVE_ACTIONS,
  readTransition,
  type ActionInput,
  type ActionValues,
} from '../utils/transition-form.js';
import { SamplesEditor } from './samples-editor.js';

const keyOf = (a: AvailableAction) => `${a.party}:${a.action}`;

export function RequestActions({
  request,
  onChange,
  onReload,
}: {
  request: RequestDetail;
  onChange(request: RequestDetail): void;
  onReload(): void;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ key: string; error: unknown } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const parties = new Set(request.actions.map((a) => a.party));
  const label = (a: AvailableAction) => {
    const action = vocabularyLabel('requestAction', a.action, lang);
    return parties.size > 1
      ? t('action.asParty', { action, party: vocabularyLabel('requestParty', a.party, lang) })
      : action;
  };

  const take = async (a: AvailableAction, values?: ActionValues) => {
    const read = readTransition(
      a.action,
      a.party,
      { kind: request.kind, version: request.version },
      values ?? { reason: '', permit_reference: '', due_date: '', samples: [], condition: '' },
      localDate(),
    );
    if (!read.ok) return read.problems;
    setBusy(keyOf(a));
    setError(null);
    setDone(null);
    try {
      const next = await transitionRequest(request.id, read.body);
      setOpen(null);
      setDone(label(a));
      onChange(next);
    } catch (e) {
      setError({ key: keyOf(a), error: e });
      requestAnimationFrame(() => alertRef.current?.focus());
    } finally {
      setBusy(null);
    }
    return undefined;
  };

  const forward = request.actions.filter((a) => !NEGATIVE_ACTIONS.includes(a.action));
  const negative = request.actions.filter((a) => NEGATIVE_ACTIONS.includes(a.action));
  const openAction = request.actions.find((a) => keyOf(a) === open);

  const button = (a: AvailableAction) => {
    const needsInput = actionInputs(a.action, request.kind).length > 0;
    return (
      <button
        key={keyOf(a)}
        type="button"
        className={NEGATIVE_ACTIONS.includes(a.action) ? 'button-secondary' : undefined}
        disabled={busy !== null}
        aria-expanded={needsInput ? open === keyOf(a) : undefined}
        onClick={() => (needsInput ? setOpen(open === keyOf(a) ? null : keyOf(a)) : void take(a))}
        data-testid={`action-${a.action}`}
        data-party={a.party}
      >
        {busy === keyOf(a) ? t('action.busy') : label(a)}
      </button>
    );
  };

  return (
    <div className="request-actions" data-testid="request-actions">
      <p className="visually-hidden" role="status">
        {done ? t('action.done', { action: done }) : ''}
      </p>
      {error && (
        <div className="form-alert" role="alert" tabIndex={-1} ref={alertRef} data-testid="action-error">
          <ul className="refusal-list" data-rules={refusalRules(error.error).join(' ')}>
            {refusalMessages(error.error, lang).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          {isStale(error.error) && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setError(null);
                onReload();
              }}
            >
              {t('request.reload')}
            </button>
          )}
        </div>
      )}
      {request.actions.length === 0 ? (
        <p className="muted" data-testid="no-actions">
          {t('action.none')}
        </p>
      ) : (
        <div className="request-actions__buttons">
          {forward.map(button)}
          {negative.map(button)}
        </div>
      )}
      {openAction && (
        <ActionForm
          key={open}
          action={openAction}
          title={label(openAction)}
          request={request}
          busy={busy !== null}
          onCancel={() => setOpen(null)}
          onSubmit={(values) => take(openAction, values)}
        />
      )}
    </div>
  );
}

function ActionForm({
  action,
  title,
  request,
  busy,
  onCancel,
  onSubmit,
}: {
  action: AvailableAction;
  title: string;
  request: RequestDetail;
  busy: boolean;
  onCancel(): void;
  onSubmit(values: ActionValues): Promise<Partial<Record<ActionInput, FormProblem>> | undefined>;
}) {
  const { t } = useI18n();
  const inputs = actionInputs(action.action, request.kind);
  const [values, setValues] = useState<ActionValues>({
    reason: '',
    permit_reference: '',
    due_date: '',
    // What was asked for: the curator edits it down to what was actually cut.
    samples: sampleRowsOf(request.samples),
    condition: '',
  });
  const [problems, setProblems] = useState<Partial<Record<ActionInput, FormProblem>>>({});
  const problem = (input: ActionInput) => {
    const p = problems[input];
    return p ? t(p.key, p.params) : undefined;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems((await onSubmit(values)) ?? {});
  };
  const id = `action-${action.action}`;
  return (
    <form
      className="action-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="action-form"
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {inputs.includes('reason') && (
        <TextAreaField
          id={`${id}-reason`}
          label={t('action.reason')}
          hint={t('action.reasonHint')}
          value={values.reason}
          onValue={(reason) => setValues((v) => ({ ...v, reason }))}
          error={problem('reason')}
          maxLength={2000}
          required
          autoFocus
        />
      )}
      {inputs.includes('permit_reference') && (
        <TextField
          id={`${id}-reference`}
          label={t('action.permitReference')}
          hint={t('action.permitReferenceHint')}
          value={values.permit_reference}
          onValue={(permit_reference) => setValues((v) => ({ ...v, permit_reference }))}
          maxLength={2000}
        />
      )}
      {inputs.includes('due_date') && (
        <TextField
          id={`${id}-due`}
          type="date"
          label={t('action.dueDate')}
          hint={t('action.dueHint')}
          value={values.due_date}
          min={localDate(new Date(Date.now() + 86_400_000))}
          onValue={(due_date) => setValues((v) => ({ ...v, due_date }))}
          error={problem('due_date')}
          required
        />
      )}
      {inputs.includes('samples') && (
        <SamplesEditor
          id={`${id}-samples`}
          legend={t('action.samplesCut')}
          rows={values.samples}
          onRows={(samples) => setValues((v) => ({ ...v, samples }))}
          error={problem('samples')}
        />
      )}
      {inputs.includes('condition') && (
        <fieldset
          className="condition-choice"
          aria-describedby={problem('condition') ? `${id}-condition-error` : undefined}
        >
          <legend>{t('action.condition')}</legend>
          {(['intact', 'damaged'] as const).map((c) => (
            <label key={c}>
              <input
                type="radio"
                name={`${id}-condition`}
                value={c}
                checked={values.condition === c}
                onChange={() => setValues((v) => ({ ...v, condition: c }))}
                data-testid={`${id}-condition-${c}`}
              />{' '}
              {t(c === 'intact' ? 'action.intact' : 'action.damaged')}
            </label>
          ))}
          {problem('condition') && (
            <p id={`${id}-condition-error`} className="field__error">
              {problem('condition')}
            </p>
          )}
        </fieldset>
      )}
      <div className="action-form__buttons">
        <button type="submit" disabled={busy} data-testid="action-confirm">
          {busy ? t('action.busy') : t('action.confirm', { action: title })}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('tokens.cancel')}
        </button>
      </div>
    </form>
  );
}
