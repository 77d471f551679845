// The requester's upload form: what kind of result, its title, how long it stays embargoed (data two
// years, reports five, by default), a DOI for a paper or the file for anything else. The file goes
// up as it is, with its own media type; a refused assay table lists its problems by line and field.
import { useRef, useState, type FormEvent } from 'react';
import { SelectField } from '../../../components/ui/select-field.js';
import { TextField } from '../../../components/ui/text-field.js';
import { formatCount } from '../../../lib/format.js';
import { useI18n } from '../../../lib/i18n-context.js';
import { vocabularyLabel } from '../../../lib/vocabulary.js';
import type { ReturnedDataset } from '../api/returned-dataset.js';
import { uploadReturn } from '../api/upload-return.js';
import {
  acceptFor,
  EMBARGO_KINDS,
  initialReturnForm,
  readReturnForm,
  RETURN_KINDS,
  withReturnKind,
  type EmbargoKind,
  type ReturnField,
  type ReturnFormValues,
  type ReturnKind,
  type ReturnProblem,
} from '../utils/return-form.js';
import { uploadRefusal } from '../utils/upload-problems.js';

export function ReturnForm({
  requestId,
  sampleNumbers,
  onUploaded,
}: {
  requestId: string;
  /** The sample numbers cut for the request, which an assay table's rows name. */
  sampleNumbers: string[];
  onUploaded(dataset: ReturnedDataset): void;
}) {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<ReturnFormValues>(initialReturnForm);
  const [file, setFile] = useState<File | null>(null);
  // Bumped to clear the file input after an upload (its value cannot be set from script).
  const [picker, setPicker] = useState(0);
  const [problems, setProblems] = useState<Partial<Record<ReturnField, ReturnProblem>>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<ReturnedDataset | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const update = (change: Partial<ReturnFormValues>) => setValues((v) => ({ ...v, ...change }));
  const problem = (field: ReturnField) => {
    const p = problems[field];
    return p ? t(p.key, p.params) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setUploaded(null);
    const read = readReturnForm(values, file);
    if (!read.ok) return setProblems(read.problems);
    setProblems({});
    setBusy(true);
    try {
      const dataset = await uploadReturn(requestId, read.upload, values.kind === 'publication' ? null : file);
      setUploaded(dataset);
      setValues((v) => ({ ...v, title: '', doi: '' }));
      setFile(null);
      setPicker((n) => n + 1);
      onUploaded(dataset);
    } catch (e) {
      setError(e);
      requestAnimationFrame(() => alertRef.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const publication = values.kind === 'publication';
  const refusal = error === undefined ? null : uploadRefusal(error, lang);
  const list = lang === 'zh' ? '、' : ', ';
  const fileHint =
    values.kind !== 'assay'
      ? t('returns.fileHint')
      : sampleNumbers.length > 0
        ? t('returns.assayHint', { samples: sampleNumbers.join(list) })
        : t('returns.assayHintDepths');
  return (
    <form
      className="return-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="return-form-title"
      data-testid="return-form"
    >
      <h3 id="return-form-title">{t('returns.upload')}</h3>
      <p role="status" className={uploaded ? 'form-note' : 'visually-hidden'} data-testid="return-uploaded">
        {uploaded
          ? t(uploaded.values > 0 ? 'returns.uploadedValues' : 'returns.uploaded', {
              title: uploaded.title,
              n: formatCount(uploaded.values, lang),
            })
          : ''}
      </p>
      {refusal && (
        <div className="form-alert" role="alert" tabIndex={-1} ref={alertRef} data-testid="return-error">
          <p>{refusal.summary}</p>
          {refusal.lines.length > 0 && (
            <ul className="refusal-list" data-testid="return-problems">
              {refusal.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-grid">
        <SelectField
          id="return-kind"
          label={t('returns.kind')}
          value={values.kind}
          options={RETURN_KINDS.map((k) => ({ value: k, label: vocabularyLabel('returnKind', k, lang) }))}
          onValue={(kind) => setValues((v) => withReturnKind(v, kind as ReturnKind))}
        />
        {!publication && (
          <SelectField
            id="return-embargo"
            label={t('returns.embargo')}
            hint={t('returns.embargoHint')}
            value={values.embargo}
            options={EMBARGO_KINDS.map((k) => ({ value: k, label: vocabularyLabel('embargoKind', k, lang) }))}
            onValue={(embargo) => update({ embargo: embargo as EmbargoKind })}
          />
        )}
      </div>
      <TextField
        id="return-title"
        label={t('returns.title')}
        value={values.title}
        onValue={(title) => update({ title })}
        error={problem('title')}
        maxLength={300}
        required
      />
      {publication ? (
        <TextField
          id="return-doi"
          label={t('returns.doi')}
          hint={t('returns.doiHint')}
          value={values.doi}
          onValue={(doi) => update({ doi })}
          error={problem('doi')}
          spellCheck={false}
          required
        />
      ) : (
        <div className="field">
          <label htmlFor="return-file">{t('returns.file')}</label>
          <input
            key={picker}
            id="return-file"
            type="file"
            accept={acceptFor(values.kind)}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            aria-invalid={problem('file') ? true : undefined}
            aria-describedby={`return-file-hint${problem('file') ? ' return-file-error' : ''}`}
            required
            data-testid="return-file"
          />
          <p id="return-file-hint" className="field__hint">
            {fileHint}
          </p>
          {problem('file') && (
            <p id="return-file-error" className="field__error" data-testid="return-file-error">
              {problem('file')}
            </p>
          )}
        </div>
      )}
      <button type="submit" disabled={busy} data-testid="return-submit">
        {busy ? t('returns.uploading') : t('returns.submit')}
      </button>
    </form>
  );
}
