// Bilingual synonym sets for search. They are applied when a query is analysed, never when a record
// is indexed: the index keeps what the record says, and a query for 铜 also asks for "copper".
// The sets come from the China reference data (commodities, rocks, deposit types, provinces) plus
// a few words of the core trade; sets that share a term are merged, so 斑岩 (the rock), 斑岩型 (the
// deposit type) and "porphyry" end up as one set.
import { COMMODITIES, DEPOSIT_TYPES, PROVINCES, ROCKS } from '../china.js';

/**
 * Terms that mean the same thing. Each term typed in a query expands to all the others. An alias
 * expands to the terms when typed, but is never added to the query for another term: it is
 * ambiguous in running text (the symbol "Co" is also "Co., Ltd.", "Li" a surname) or much broader
 * than the term (盐 for rock salt).
 */
export interface SynonymSet {
  readonly terms: readonly string[];
  readonly aliases: readonly string[];
}

/** Words of the core trade, written the ways records and users write them. */
const CORE_WORDS: readonly (readonly string[])[] = [
  ['岩芯', '岩心', 'core', 'drill core', 'drillcore'],
  ['钻孔', 'borehole', 'drillhole', 'drill hole', 'bore hole'],
  ['岩屑', 'cuttings', 'drill cuttings'],
  ['薄片', 'thin section'],
  ['光片', 'polished section'],
  ['岩芯箱', 'core box', 'core tray'],
  ['多金属', 'polymetallic'],
  ['矿床', 'ore deposit', 'deposit'],
];

/** Names the China data does not list: reference-terms.ts accepts some, and variant characters. */
const EXTRA_NAMES: readonly (readonly string[])[] = [
  ['煤', '煤炭'],
  ['稀土', 'rare earth', 'rare earths'],
  ['石油', 'oil', 'petroleum'],
  ['天然气', 'natural gas', 'gas'],
  ['铂', 'platinum'],
  ['铂族金属', 'platinum group elements', 'pge'],
  ['内蒙古', 'neimenggu', 'nei mongol'],
  // Variant characters the data writes both ways.
  ['黏土', '粘土'],
  ['矽卡岩', '夕卡岩'],
];

/** Element symbols that are also common words, names or abbreviations; one-letter symbols too. */
const AMBIGUOUS_SYMBOLS = new Set(['be', 'co', 'li']);

function isAmbiguousSymbol(code: string): boolean {
  return code.length < 2 || AMBIGUOUS_SYMBOLS.has(code);
}

/** "magmatic oxide (V–Ti magnetite, chromite)" → "magmatic oxide": the parenthesis only explains. */
function withoutParenthesis(name: string): string {
  return name.replace(/\s*\([^)]*\)/g, '').trim();
}

/** "Tibet (Xizang)" → ["Xizang"]: for provinces the parenthesis is another name. */
function parenthesised(name: string): string[] {
  return [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.trim()).filter((s) => s.length > 0);
}

interface RawSet {
  terms: string[];
  aliases: string[];
}

function referenceSets(): RawSet[] {
  const sets: RawSet[] = [];
  for (const c of COMMODITIES) {
    const code = c.code.toLowerCase();
    const symbolIsSafe = !isAmbiguousSymbol(code);
    sets.push({
      terms: [c.zh, withoutParenthesis(c.en), ...(symbolIsSafe ? [code] : [])],
      aliases: [...(symbolIsSafe ? [] : [code]), c.stem],
    });
  }
  for (const r of ROCKS) sets.push({ terms: [r.zh, r.en], aliases: [] });
  for (const t of DEPOSIT_TYPES) sets.push({ terms: [t.zh, withoutParenthesis(t.en)], aliases: [] });
  for (const p of PROVINCES) {
    sets.push({ terms: [p.short, p.zh, withoutParenthesis(p.en), ...parenthesised(p.en)], aliases: [] });
  }
  for (const words of [...CORE_WORDS, ...EXTRA_NAMES]) sets.push({ terms: [...words], aliases: [] });
  return sets;
}

/** Merges sets that share a term (compared case-insensitively), keeping first-seen order. */
function mergeSharingTerms(sets: readonly RawSet[]): SynonymSet[] {
  const owner = new Map<string, RawSet>();
  const merged: RawSet[] = [];
  for (const set of sets) {
    const overlapping = [...new Set(set.terms.map((t) => owner.get(t.toLowerCase())))].filter(
      (s): s is RawSet => s !== undefined,
    );
    const target = overlapping[0] ?? { terms: [], aliases: [] };
    if (overlapping.length === 0) merged.push(target);
    for (const other of overlapping.slice(1)) {
      target.terms.push(...other.terms);
      target.aliases.push(...other.aliases);
      merged.splice(merged.indexOf(other), 1);
    }
    target.terms.push(...set.terms);
    target.aliases.push(...set.aliases);
    for (const t of target.terms) owner.set(t.toLowerCase(), target);
  }
  return merged.map(({ terms, aliases }) => {
    const uniqueTerms = unique(terms);
    const termKeys = new Set(uniqueTerms.map((t) => t.toLowerCase()));
    return { terms: uniqueTerms, aliases: unique(aliases).filter((a) => !termKeys.has(a.toLowerCase())) };
  });
}

function unique(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.toLowerCase();
    if (w.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every synonym set, merged; built once at load from the reference data. */
export const SYNONYM_SETS: readonly SynonymSet[] = mergeSharingTerms(referenceSets());
