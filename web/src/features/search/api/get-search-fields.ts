// GET /api/search/fields: the query language's fields, from the parser's own table, for the help page.
import { getJson } from '../../../lib/api-client.js';

export interface Bilingual {
  en: string;
  zh: string;
}

/** One accepted value: its code and the words meaning it (the first of each is its display name). */
export interface SearchFieldValue {
  code: string;
  en: string[];
  zh: string[];
}

/** `code`, `open_code`, `text`, `id` or `number`; kept open so a new kind still renders. */
export type SearchFieldKind = string;

export interface SearchField {
  name: string;
  aliases: { en: string[]; zh: string[] };
  kind: SearchFieldKind;
  label: Bilingual;
  unit?: Bilingual;
  values?: SearchFieldValue[];
  examples: string[];
}

export interface SearchFields {
  limits: { maxLength: number; maxNesting: number; maxTerms: number };
  fields: SearchField[];
}

export function getSearchFields(signal?: AbortSignal): Promise<SearchFields> {
  return getJson<SearchFields>('/search/fields', {}, signal);
}
