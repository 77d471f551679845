// Writing an offer: for a new one its target (a custodian's collection, or one borehole by public
// id, optionally a depth range of it), then its terms: modes, audience, fee (only the kinds every
// chosen mode allows) and conditions in both languages. The server checks it all again.
import { useState, type FormEvent } from 'react';
import { SelectField } from '../../../components/ui/select-field.js';
import { TextAreaField } from '../../../components/ui/text-area-field.js';
import { TextField } from '../../../components/ui/text-field.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import { fieldProblems } from '../../account/utils/auth-problems.js';
import type { Offer } from '../api/get-offers.js';
import { createOffer, updateOffer } from '../api/save-offer.js';
import {
  newOfferForm,
  offerFormOf,
  readNewOffer,
  readOfferTerms,
  withModes,
  type OfferField,
  type OfferFormValues,
} from '../utils/offer-form.js';
import { refusalMessages } from '../utils/refusals.js';
import type { FormProblem } from '../utils/request-form.js';
import {
  AUDIENCES,
  feeKindsFor,
  SHARING_MODES,
  type Audience,
  type FeeKind,
} from '../utils/sharing-rules.js';

export function OfferForm({
  offer,
  custodians,
  nameOf = (code) => code,
  onSaved,
  onCancel,
}: {
  /** The offer whose terms are edited; none for a new offer. */
  offer?: Offer;
  /** Custodians the reader curates: the choices for a collection offer. */
  custodians: string[];
  nameOf?: (code: string) => string;
  onSaved(offer: Offer): void;
  onCancel(): void;
}) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<OfferFormValues>(() =>
    offer ? offerFormOf(offer) : newOfferForm(custodians[0] ?? ''),
  );
  const [problems, setProblems] = useState<Partial<Record<OfferField, FormProblem>>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const update = (change: Partial<OfferFormValues>) => setValues((v) => ({ ...v, ...change }));
  const fromServer = fieldProblems(error, lang);
  const problem = (field: OfferField, ...serverFields: string[]) => {
    const p = problems[field];
    if (p) return t(p.key, p.params);
    return serverFields.map((f) => fromServer[f]).find(Boolean);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    let save: () => Promise<Offer>;
    if (offer) {
      const read = readOfferTerms(values);
      if (!read.ok) return setProblems(read.problems);
      save = () => updateOffer(offer.id, read.body);
    } else {
      const read = readNewOffer(values);
      if (!read.ok) return setProblems(read.problems);
      save = () => createOffer(read.body);
    }
    setProblems({});
    setBusy(true);
    try {
      onSaved(await save());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fees = feeKindsFor(values.modes);
  const prefix = offer ? `offer-${offer.id}` : 'offer-new';
  return (
    <form className="offer-form" onSubmit={(event) => void submit(event)} noValidate data-testid="offer-form">
      {error !== undefined && (
        <div className="form-alert" role="alert" data-testid="offer-error">
          <ul className="refusal-list">
            {refusalMessages(error, lang).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {!offer && (
        <fieldset className="offer-form__scope">
          <legend>{t('offers.scope')}</legend>
          {(['collection', 'borehole'] as const).map((scope) => (
            <label key={scope}>
              <input
                type="radio"
                name={`${prefix}-scope`}
                value={scope}
                checked={values.scope === scope}
                onChange={() => update({ scope })}
                data-testid={`offer-scope-${scope}`}
              />{' '}
              {t(scope === 'collection' ? 'offers.scopeCollection' : 'offers.scopeBorehole')}
            </label>
          ))}
        </fieldset>
      )}
      {!offer &&
        values.scope === 'collection' &&
        (custodians.length > 0 ? (
          <SelectField
            id={`${prefix}-custodian`}
            label={t('offers.custodian')}
            value={values.custodian}
            options={custodians.map((c) => ({
              value: c,
              label: nameOf(c) === c ? c : `${nameOf(c)} · ${c}`,
            }))}
            onValue={(custodian) => update({ custodian })}
            error={problem('target', 'custodian')}
          />
        ) : (
          <TextField
            id={`${prefix}-custodian`}
            label={t('offers.custodianCode')}
            value={values.custodian}
            onValue={(custodian) => update({ custodian })}
            error={problem('target', 'custodian')}
          />
        ))}
      {!offer && values.scope === 'borehole' && (
        <TextField
          id={`${prefix}-borehole`}
          label={t('offers.boreholeId')}
          hint={t('offers.boreholeIdHint')}
          value={values.borehole}
          onValue={(borehole) => update({ borehole })}
          error={problem('target', 'borehole')}
          spellCheck={false}
        />
      )}
      {values.scope === 'borehole' ? (
        <fieldset className="depth-range">
          <legend>{t('offers.depthRange')}</legend>
          <p className="field__hint">{t('offers.depthHint')}</p>
          <div className="depth-range__inputs">
            <TextField
              id={`${prefix}-from`}
              label={t('interval.from')}
              inputMode="decimal"
              value={values.depth_from}
              onValue={(depth_from) => update({ depth_from })}
              aria-invalid={problem('depth', 'depth_from', 'depth_to') ? true : undefined}
            />
            <TextField
              id={`${prefix}-to`}
              label={t('interval.to')}
              inputMode="decimal"
              value={values.depth_to}
              onValue={(depth_to) => update({ depth_to })}
              error={problem('depth', 'depth_from', 'depth_to')}
            />
          </div>
        </fieldset>
      ) : (
        <TextField
          id={`${prefix}-dataset`}
          label={t('offers.dataset')}
          hint={t('offers.datasetHint')}
          value={values.dataset}
          onValue={(dataset) => update({ dataset })}
        />
      )}
      <fieldset
        className="mode-choice"
        aria-describedby={problem('modes', 'modes') ? `${prefix}-modes-error` : undefined}
      >
        <legend>{t('offers.modes')}</legend>
        {SHARING_MODES.map((mode) => (
          <label key={mode}>
            <input
              type="checkbox"
              checked={values.modes.includes(mode)}
              onChange={(e) =>
                setValues((v) =>
                  withModes(
                    v,
                    SHARING_MODES.filter((m) => (m === mode ? e.target.checked : v.modes.includes(m))),
                  ),
                )
              }
              data-testid={`offer-mode-${mode}`}
            />{' '}
            {vocabularyLabel('sharingMode', mode, lang)}
          </label>
        ))}
        {problem('modes', 'modes') && (
          <p id={`${prefix}-modes-error`} className="field__error">
            {problem('modes', 'modes')}
          </p>
        )}
      </fieldset>
      <div className="form-grid">
        <SelectField
          id={`${prefix}-audience`}
          label={t('offers.audience')}
          value={values.audience}
          options={AUDIENCES.map((a) => ({ value: a, label: vocabularyLabel('offerAudience', a, lang) }))}
          onValue={(audience) => update({ audience: audience as Audience })}
        />
        <SelectField
          id={`${prefix}-fee`}
          label={t('offers.fee')}
          hint={t('offers.feeHint')}
          value={values.fee_kind}
          options={fees.map((f) => ({ value: f, label: vocabularyLabel('feeKind', f, lang) }))}
          onValue={(fee_kind) => update({ fee_kind: fee_kind as FeeKind })}
          error={problem('fee_kind', 'fee_kind')}
        />
        {values.fee_kind !== 'none' && (
          <TextField
            id={`${prefix}-amount`}
            label={t('offers.feeAmount')}
            inputMode="decimal"
            value={values.fee_amount}
            onValue={(fee_amount) => update({ fee_amount })}
            error={problem('fee_amount', 'fee_amount')}
          />
        )}
      </div>
      {values.audience === 'organisations' && (
        <TextField
          id={`${prefix}-organisations`}
          label={t('offers.organisations')}
          hint={t('offers.organisationsHint')}
          value={values.organisations}
          onValue={(organisations) => update({ organisations })}
          error={problem('organisations', 'organisations')}
        />
      )}
      <TextAreaField
        id={`${prefix}-conditions-zh`}
        label={t('offers.conditionsZh')}
        value={values.conditions_zh}
        onValue={(conditions_zh) => update({ conditions_zh })}
        maxLength={4000}
        lang="zh-CN"
      />
      <TextAreaField
        id={`${prefix}-conditions-en`}
        label={t('offers.conditionsEn')}
        value={values.conditions_en}
        onValue={(conditions_en) => update({ conditions_en })}
        maxLength={4000}
        lang="en"
      />
      <div className="action-form__buttons">
        <button type="submit" disabled={busy} data-testid="offer-save">
          {busy ? t('offers.saving') : t(offer ? 'offers.saveTerms' : 'offers.publish')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('tokens.cancel')}
        </button>
      </div>
    </form>
  );
}
