// Why an upload was refused, in the reader's language: a table's problems one per line, each named
// by file, line and field (the server stored nothing); a file too large or of the wrong type said
// plainly; anything else as the server put it.
import { ApiError, type ProblemField } from '../../../lib/api-client.js';
import { translate, type Lang, type MessageKey } from '../../../lib/i18n.js';
import { problemMessage } from '../../account/utils/auth-problems.js';

export interface UploadRefusal {
  /** One sentence: what happened. */
  summary: string;
  /** Each problem the server listed, located where it said (file, line, field). */
  lines: string[];
}

function messageIn(problem: ProblemField, lang: Lang): string {
  if (lang === 'en') return problem.message;
  return problem.message_zh ?? translate(lang, 'auth.serverEnglish', { message: problem.message });
}

// Fields the server names by its own words rather than by a column of the table.
const FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  sample_no: 'returns.fieldSampleNo',
  depth: 'returns.fieldDepth',
  '(header)': 'returns.fieldHeader',
  '(row)': 'returns.fieldRow',
};

/** A field as the reader knows it: a column's own heading, or the server's word in their language. */
export function fieldLabel(field: string, lang: Lang): string {
  const key = FIELD_KEYS[field];
  return key ? translate(lang, key) : field;
}

/** One listed problem: "第 3 行，Cu_ppm：不是数值" / "Line 3, Cu_ppm: not a number". */
export function problemLine(problem: ProblemField, lang: Lang): string {
  const message = messageIn(problem, lang);
  if (problem.line != null && problem.field)
    return translate(lang, 'returns.problemAtField', {
      line: problem.line,
      field: fieldLabel(problem.field, lang),
      message,
    });
  if (problem.line != null) return translate(lang, 'returns.problemAtLine', { line: problem.line, message });
  return message;
}

export function uploadRefusal(error: unknown, lang: Lang): UploadRefusal {
  if (!(error instanceof ApiError)) return { summary: problemMessage(error, lang), lines: [] };
  const listed = error.problem.errors ?? [];
  if (error.status === 413) return { summary: translate(lang, 'returns.tooLarge'), lines: [] };
  if (error.status === 415)
    return { summary: translate(lang, 'returns.wrongType'), lines: listed.map((p) => messageIn(p, lang)) };
  const located = listed.filter((p) => p.line != null);
  if (error.status === 400 && located.length > 0) {
    const file = located[0]!.file ?? '';
    return {
      summary: translate(lang, 'returns.tableProblems', { file, n: located.length }),
      lines: listed.map((p) => problemLine(p, lang)),
    };
  }
  if (listed.length > 1) {
    const lines = [...new Set(listed.map((p) => messageIn(p, lang)))];
    return { summary: translate(lang, 'returns.refused'), lines };
  }
  return { summary: problemMessage(error, lang), lines: [] };
}
