// A custodian's own sampling limits and embargo periods, edited by its curators on /offers.
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../../lib/i18n-context.js';
import type { MessageKey } from '../../../lib/i18n.js';
import { TextField } from '../../../components/ui/text-field.js';
import { ApiError } from '../../../lib/api-client.js';
import { getPolicy, savePolicy, type CustodianPolicy } from '../api/custodian-policy.js';
import { POLICY_FIELDS, policyBody, policyText, type PolicyField } from '../utils/policy-form.js';
import { refusalMessages } from '../utils/refusals.js';

export function PolicyCard({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const [policy, setPolicy] = useState<CustodianPolicy | null>(null);
  const [text, setText] = useState<Record<PolicyField, string> | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    getPolicy(code, controller.signal).then(
      (p) => {
        setPolicy(p);
        setText(policyText(p));
      },
      () => setFailure([t('common.loadFailed')]),
    );
    return () => controller.abort();
  }, [code, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text) return;
    setBusy(true);
    setSaved(false);
    setErrors({});
    setFailure([]);
    try {
      const p = await savePolicy(code, policyBody(text) as never);
      setPolicy(p);
      setText(policyText(p));
      setSaved(true);
    } catch (error) {
      const fields: Partial<Record<string, string>> = {};
      if (error instanceof ApiError)
        for (const e of error.problem.errors ?? [])
          if (e.field)
            fields[e.field.replace(/^body\//, '').replace('/', '.')] =
              (lang === 'zh' && e.message_zh) || e.message;
      setErrors(fields);
      setFailure(refusalMessages(error, lang));
    } finally {
      setBusy(false);
    }
  }

  if (!text)
    return failure.length ? <p className="form-alert">{failure[0]}</p> : <p>{t('common.loading')}</p>;
  return (
    <form className="policy-card" onSubmit={(e) => void submit(e)} data-testid={`policy-${code}`} noValidate>
      <h3>{t('policy.title')}</h3>
      <p className="lead">
        {t('policy.lead')} {policy && !policy.configured ? t('policy.defaults') : null}
      </p>
      {failure.length > 0 && (
        <div className="form-alert" role="alert">
          {failure.join(' ')}
        </div>
      )}
      {POLICY_FIELDS.map((field) => (
        <TextField
          key={field}
          id={`policy-${code}-${field.replace('.', '-')}`}
          label={t(`policy.${field}` as MessageKey)}
          value={text[field]}
          onValue={(value) => setText({ ...text, [field]: value })}
          inputMode="decimal"
          error={errors[field] ?? null}
        />
      ))}
      <button type="submit" disabled={busy}>
        {t('policy.save')}
      </button>
      {saved && <p role="status">{t('policy.saved')}</p>}
    </form>
  );
}
