// The "ask for core" form on a borehole page: the kind of request, a mode among those offered that
// serves it, the purpose, an optional interval, the samples for sampling, a title and description.
// Sending it makes the draft and submits it (two calls), then opens the request. Every rule the
// server refuses is listed in the reader's language; a draft made but not submitted is linked.
import { useRef, useState, type FormEvent } from 'react';
import { SelectField } from '../../../components/ui/select-field.js';
import { TextAreaField } from '../../../components/ui/text-area-field.js';
import { TextField } from '../../../components/ui/text-field.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { Link, navigate } from '../../../lib/router.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { Account } from '../../account/api/get-me.js';
import { organisationName, roleLabel } from '../../account/utils/account-labels.js';
import { createRequest } from '../api/create-request.js';
import type { SharingRequest } from '../api/get-requests.js';
import { transitionRequest } from '../api/transition-request.js';
import { refusalMessages } from '../utils/refusals.js';
import {
  initialAskForm,
  readAskForm,
  withKind,
  type AskField,
  type AskForm as AskFormValues,
  type FormProblem,
} from '../utils/request-form.js';
import {
  kindsFor,
  modesFor,
  PURPOSES,
  type Purpose,
  type RequestKind,
  type SharingMode,
} from '../utils/sharing-rules.js';
import { SamplesEditor } from './samples-editor.js';

export function AskForm({
  borehole,
  totalDepth,
  offered,
  account,
}: {
  borehole: string;
  totalDepth: number | null;
  offered: SharingMode[];
  account: Account;
}) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState<AskFormValues>(() => initialAskForm(offered));
  const [problems, setProblems] = useState<Partial<Record<AskField, FormProblem>>>({});
  const [error, setError] = useState<unknown>();
  const [draft, setDraft] = useState<SharingRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const update = (change: Partial<AskFormValues>) => setForm((f) => ({ ...f, ...change }));
  const problem = (field: AskField) => {
    const p = problems[field];
    return p ? t(p.key, p.params) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readAskForm(form, borehole, totalDepth);
    setError(undefined);
    if (!read.ok) {
      setProblems(read.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      // A draft from an earlier attempt whose submission failed is submitted again, not duplicated.
      const made = draft ?? (await createRequest(read.body));
      setDraft(made);
      await transitionRequest(made.id, { action: 'submit', as: 'requester', version: made.version });
      navigate(`/requests/${encodeURIComponent(made.id)}`);
    } catch (e) {
      setError(e);
      setBusy(false);
      requestAnimationFrame(() => alertRef.current?.focus());
    }
  };

  const kinds = kindsFor(offered);
  const modes = modesFor(form.kind, offered);
  const memberships = account.memberships;
  return (
    <form className="ask-form" onSubmit={(event) => void submit(event)} noValidate data-testid="ask-form">
      {error !== undefined && (
        <div className="form-alert" role="alert" tabIndex={-1} ref={alertRef} data-testid="ask-error">
          <p>{t(draft ? 'ask.notSubmitted' : 'ask.refused')}</p>
          <ul className="refusal-list" data-testid="ask-refusals">
            {refusalMessages(error, lang).map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          {draft && (
            <p>
              <Link to={`/requests/${encodeURIComponent(draft.id)}`} data-testid="ask-draft-link">
                {t('ask.openDraft')}
              </Link>
            </p>
          )}
        </div>
      )}
      <div className="form-grid">
        <SelectField
          id="ask-kind"
          label={t('ask.kind')}
          value={form.kind}
          options={kinds.map((k) => ({ value: k, label: vocabularyLabel('requestKind', k, lang) }))}
          onValue={(kind) => setForm((f) => withKind(f, kind as RequestKind, offered))}
          disabled={!!draft}
        />
        <SelectField
          id="ask-mode"
          label={t('ask.mode')}
          value={form.mode}
          options={modes.map((m) => ({ value: m, label: vocabularyLabel('sharingMode', m, lang) }))}
          onValue={(mode) => update({ mode: mode as SharingMode })}
          hint={t('ask.modeHint')}
          error={problem('mode')}
          disabled={!!draft}
        />
        <SelectField
          id="ask-purpose"
          label={t('ask.purpose')}
          value={form.purpose}
          options={PURPOSES.map((p) => ({ value: p, label: vocabularyLabel('requestPurpose', p, lang) }))}
          onValue={(purpose) => update({ purpose: purpose as Purpose })}
          disabled={!!draft}
        />
        {memberships.length > 1 && (
          <SelectField
            id="ask-organisation"
            label={t('ask.organisation')}
            value={form.organisation}
            options={[
              { value: '', label: t('ask.organisationAny') },
              ...memberships.map((m) => ({
                value: m.organisation_code,
                label: `${organisationName(m, lang)}（${roleLabel(m.role, lang)}）`,
              })),
            ]}
            onValue={(organisation) => update({ organisation })}
            disabled={!!draft}
          />
        )}
      </div>
      <div className="field field--check">
        <label>
          <input
            type="checkbox"
            checked={form.international}
            onChange={(e) => update({ international: e.target.checked })}
            disabled={!!draft}
          />{' '}
          {t('ask.international')}
        </label>
        <p className="field__hint">{t('ask.internationalHint')}</p>
      </div>
      <fieldset className="depth-range" aria-describedby="ask-depth-hint">
        <legend>{t('ask.interval')}</legend>
        <p id="ask-depth-hint" className="field__hint">
          {t('ask.intervalHint')}
        </p>
        <div className="depth-range__inputs">
          <TextField
            id="ask-depth-from"
            label={t('interval.from')}
            inputMode="decimal"
            value={form.depth_from}
            onValue={(depth_from) => update({ depth_from })}
            aria-invalid={problem('depth') ? true : undefined}
            disabled={!!draft}
          />
          <TextField
            id="ask-depth-to"
            label={t('interval.to')}
            inputMode="decimal"
            value={form.depth_to}
            onValue={(depth_to) => update({ depth_to })}
            error={problem('depth')}
            disabled={!!draft}
          />
        </div>
      </fieldset>
      {form.kind === 'sampling' && (
        <SamplesEditor
          id="ask-samples"
          legend={t('ask.samples')}
          rows={form.samples}
          onRows={(samples) => update({ samples })}
          error={problem('samples')}
          disabled={!!draft}
        />
      )}
      <TextField
        id="ask-title"
        label={t('ask.title')}
        value={form.title}
        onValue={(title) => update({ title })}
        error={problem('title')}
        maxLength={200}
        required
        disabled={!!draft}
      />
      <TextAreaField
        id="ask-description"
        label={t('ask.description')}
        hint={t('ask.descriptionHint')}
        value={form.description}
        onValue={(description) => update({ description })}
        maxLength={8000}
        disabled={!!draft}
      />
      <button type="submit" disabled={busy} data-testid="ask-submit">
        {busy ? t('ask.busy') : t(draft ? 'ask.submitDraft' : 'ask.submit')}
      </button>
    </form>
  );
}
