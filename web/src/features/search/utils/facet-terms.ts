// A facet value turned into the query-language term that finds exactly the boreholes it counts, and
// that term added to (or taken out of) the query typed so far. The query stays text the reader can
// read and edit: clicking 西藏 with 铜 typed gives `铜 province:540000`.
import type { Lang } from '../../../lib/i18n.js';
import { provinceName } from '../../../lib/provinces.js';
import { vocabularyLabel, type Vocabulary } from '../../../lib/vocabulary.js';
import type { FacetName } from '../api/search-boreholes.js';

/** Codes written bare after `field:`; anything else (commas, spaces, dots, quotes) is quoted. */
const BARE_VALUE = /^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u;

function quoted(value: string): string {
  if (BARE_VALUE.test(value)) return value;
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

/**
 * The term for one facet value, or null when the value is not one the helper can express.
 * Depth bands count `from <= depth < to`, so they become two comparisons: a range (`500..1000`)
 * includes both ends and would also find the holes the next band counts.
 */
export function facetTerm(facet: FacetName, value: string): string | null {
  switch (facet) {
    case 'depth': {
      const open = /^(\d+(?:\.\d+)?)\+$/.exec(value);
      if (open) return `depth>=${open[1]}`;
      const band = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(value);
      return band ? `depth>=${band[1]} depth<${band[2]}` : null;
    }
    case 'decade': {
      const decade = /^(\d{3})0s$/.exec(value);
      return decade ? `year:${decade[1]}0..${decade[1]}9` : null;
    }
    case 'province':
    case 'commodity':
    case 'type':
    case 'class':
    case 'custodian':
    case 'level':
    case 'funding':
    case 'has':
    case 'mode':
      return value === '' ? null : `${facet}:${quoted(value)}`;
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `term` stands as a whole in `q`: at the start or after a space, up to a space or the end. */
function termPattern(term: string): RegExp {
  return new RegExp(`(^|\\s)${escapeRegExp(term)}(?=\\s|$)`, 'gu');
}

export function hasTerm(q: string, term: string): boolean {
  return termPattern(term).test(q);
}

/** An OR anywhere at the top would bind looser than the added term, so such queries are bracketed. */
function hasOr(q: string): boolean {
  return /(^|[\s()])(or|或)(?=[\s()]|$)|\|\|/iu.test(q.normalize('NFKC'));
}

export function addTerm(q: string, term: string): string {
  const typed = q.trim();
  if (typed === '') return term;
  if (hasTerm(typed, term)) return typed;
  return hasOr(typed) ? `(${typed}) ${term}` : `${typed} ${term}`;
}

export function removeTerm(q: string, term: string): string {
  return q.replace(termPattern(term), '').replace(/\s+/g, ' ').trim();
}

/** Adds the term, or removes it when the query already has it (the facet value is "on"). */
export function toggleTerm(q: string, term: string): string {
  return hasTerm(q, term) ? removeTerm(q, term) : addTerm(q, term);
}

const FACET_VOCABULARY: Partial<Record<FacetName, Vocabulary>> = {
  commodity: 'commodity',
  type: 'depositType',
  class: 'coreClass',
  level: 'custodianLevel',
  funding: 'fundingSource',
  has: 'dataAvailable',
  mode: 'sharingMode',
};

/** How a facet value reads: the province or vocabulary name; codes nobody named stay as sent. */
export function facetValueLabel(facet: FacetName, value: string, lang: Lang): string {
  if (facet === 'province') return provinceName(value, lang);
  const vocabulary = FACET_VOCABULARY[facet];
  return vocabulary ? vocabularyLabel(vocabulary, value, lang) : value;
}
