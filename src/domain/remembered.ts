// Answers remembered per text. Years, terms, provinces and commodity lists repeat down a column of a
// million rows, and the same province, custodian and belt names down a million records to index:
// their parsers and analysers (regular expressions, Unicode normalisation, segmentation) then run
// once per distinct text instead of once per row. (Dates have too many distinct values for this:
// parseDate takes a short path for YYYY-MM-DD instead.)

/** Distinct texts kept per parser; when full the memory starts over (a column of unique values costs no more than that). */
const LIMIT = 4096;

/**
 * `parse` with its answers remembered; `parse` must be pure. Keys are copied when long: a cell
 * may be a view into a whole decoded chunk of the file, which a remembered key would keep alive.
 */
export function remembered<T>(parse: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as T;
    const answer = parse(text);
    if (answers.size >= LIMIT) answers.clear();
    answers.set(ownCopy(text), answer);
    return answer;
  };
}

/** V8 copies substrings shorter than this; longer ones are views that keep the string they were cut from alive. */
const VIEW_MIN = 13;

/**
 * A string of its own for `text`, which may be a view of a much longer string (a decoded chunk).
 * Slicing a concatenation makes V8 copy it into a new string of about the value's size.
 */
export function ownCopy(text: string): string {
  return text.length >= VIEW_MIN ? (text + ' ').slice(0, -1) : text;
}
