// The fields half of the help page, generated from GET /api/search/fields: whatever the parser
// accepts is listed here, so the page never falls behind the language.
import { DefinitionList } from '../../../components/ui/definition-list.js';
import { useI18n } from '../../../lib/i18n-context.js';
import type { MessageKey } from '../../../lib/i18n.js';
import type { SearchField, SearchFieldValue } from '../api/get-search-fields.js';
import { valueWords } from '../utils/field-values.js';
import { ExampleQueries } from './example-query.js';

/** Lists longer than this (provinces, deposit types) are folded away until asked for. */
const FOLD_VALUES_ABOVE = 8;

const KIND_LABELS: Record<string, MessageKey> = {
  code: 'searchHelp.kind.code',
  open_code: 'searchHelp.kind.open_code',
  text: 'searchHelp.kind.text',
  id: 'searchHelp.kind.id',
  number: 'searchHelp.kind.number',
};

export function FieldReference({ field }: { field: SearchField }) {
  const { t, lang } = useI18n();
  const kind = KIND_LABELS[field.kind];
  return (
    <article className="card field-card" id={`field-${field.name}`} data-testid="field-card">
      <h3>
        <span className="field-card__label">{field.label[lang]}</span> <code>{field.name}</code>
      </h3>
      <DefinitionList
        items={[
          { label: t('searchHelp.aliasesZh'), value: <Words words={field.aliases.zh} /> },
          { label: t('searchHelp.aliasesEn'), value: <Words words={field.aliases.en} /> },
          { label: t('searchHelp.kind'), value: kind ? t(kind) : field.kind },
          { label: t('searchHelp.unit'), value: field.unit?.[lang] },
          {
            label: t('searchHelp.values'),
            value: field.values && field.values.length > 0 && <FieldValues values={field.values} />,
          },
          {
            label: t('searchHelp.examples'),
            value: field.examples.length > 0 && <ExampleQueries queries={field.examples} />,
          },
        ]}
      />
    </article>
  );
}

function Words({ words }: { words: readonly string[] }) {
  if (words.length === 0) return null;
  return (
    <span className="field-words">
      {words.map((word) => (
        <code key={word}>{word}</code>
      ))}
    </span>
  );
}

function FieldValues({ values }: { values: SearchFieldValue[] }) {
  const { t, lang } = useI18n();
  const list = (
    <ul className="field-values">
      {values.map((value) => (
        <li key={value.code}>
          <Words words={valueWords(value, lang)} />
        </li>
      ))}
    </ul>
  );
  if (values.length <= FOLD_VALUES_ABOVE) return list;
  return (
    <details className="field-values__fold">
      <summary>{t('searchHelp.valueCount', { n: values.length })}</summary>
      {list}
    </details>
  );
}
