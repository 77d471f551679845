// The text analyzer both search engines share. A record's text becomes index tokens, and a query's
// free text becomes match groups, by the same code, so SQLite (FTS5) and PostgreSQL
// (to_tsvector('simple', …)) index and match exactly the same thing. A token is lowercase ASCII
// letters/digits or ideographs, nothing else, so neither engine's tokenizer splits or changes it.
//
// Chinese: jieba may cut the same characters differently in a long title and in a short query
// (an unknown name like 甲玛 falls to its HMM and may merge with a neighbour: 县甲玛). So every
// ideograph is also indexed alone, in text order, then every pair of neighbours (bigrams, as
// Lucene's CJK analyzer and pg_bigm do), and a query word always has the phrase of its bigrams as
// one alternative: that phrase matches whatever jieba did to the record. A phrase of characters
// would match the same records, but both engines answer it by reading the position lists of two
// of the commonest tokens of all (华 and 山 for 华山: 20–45 ms on FTS5, and on PostgreSQL a heap
// recheck of every row holding both); a bigram is one rare token. jieba's words of three
// characters or more are indexed too, after the bigrams, so whole-word matches can rank higher (a
// two-character word is its own bigram).
//
// English: words are lowercased and stemmed with the Porter stemmer of the `stemmer` package
// (wooorm, MIT): the classic algorithm, small and well tested, where our own copy would be 200
// lines to maintain for no gain. "granites" and "granite" both become "granit".
//
// Identifiers (KQ-520000-00000-ZK0001, ZK1616, ZK-1616, ZK 1616): see chunkAnalysis below.
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { stemmer } from 'stemmer';
import { remembered } from '../remembered.js';
import { SYNONYM_SETS } from './synonyms.js';

/**
 * One way a query group can match: `tokens` appear consecutively in a record's tokens. With
 * `prefix`, the last token only has to be the start of a record token.
 */
export interface Phrase {
  tokens: string[];
  prefix?: boolean;
}

/** One thing the user typed. It matches when any of its phrases does; a query needs every group. */
export type QueryGroup = Phrase[];

// Ideographs that both engines treat as letters: FTS5's unicode61 takes every ideograph, but
// PostgreSQL asks the C library, which only knows the ideographs of its Unicode version. These are
// the blocks as of Unicode 10 (glibc 2.26+). 〇 (U+3007) is included: it writes zero in 二〇一六.
// Newer ideographs (9FEB+, Extension G and later) are dropped like punctuation.
const IDEOGRAPHS =
  '\\u3007\\u3400-\\u4db5\\u4e00-\\u9fea\\uf900-\\ufa6d\\ufa70-\\ufad9' +
  '\\u{20000}-\\u{2a6d6}\\u{2a700}-\\u{2b734}\\u{2b740}-\\u{2b81d}\\u{2b820}-\\u{2cea1}\\u{2ceb0}-\\u{2ebe0}';

/** What every index token and every query token looks like. */
export const TOKEN_PATTERN = new RegExp(`^(?:[a-z0-9]+|[${IDEOGRAPHS}]+)$`, 'u');

// A piece of text is a run of ideographs or an ASCII chunk: letters/digits joined by the
// punctuation identifiers use (ZK-1616, K2.3, 20/5, No.7). Anything else separates pieces.
const PIECE = new RegExp(`([${IDEOGRAPHS}]+)|([a-z0-9]+(?:[-_./#']+[a-z0-9]+)*)`, 'gu');
const CONNECTORS = /[-_./#']+/;
const LETTERS = /^[a-z]+$/;
const DIGITS = /^[0-9]+$/;
const LETTER_OR_DIGIT_RUNS = /[a-z]+|[0-9]+/g;
const IDEOGRAPH_WORD = new RegExp(`^[${IDEOGRAPHS}]{2,}$`, 'u');
const IDEOGRAPH_TOKEN = new RegExp(`^[${IDEOGRAPHS}]+$`, 'u');

/** Longer tokens are cut: PostgreSQL refuses lexemes over 2 KiB, and nobody types 64 characters. */
const MAX_TOKEN_LENGTH = 64;
/** Longest jieba word indexed (UTF-16 units); the longest domain word has 10 characters. */
const MAX_WORD_LENGTH = 16;
/** A part with more letter/digit runs than this is a hash or a code, not an id worth splitting. */
const MAX_SPLIT_RUNS = 4;

interface Piece {
  readonly text: string;
  readonly ideographic: boolean;
  /** The piece was followed by `*` (only queries look at this). */
  readonly starred: boolean;
  /** A line break (a field boundary in indexText) comes between this piece and the previous. */
  readonly afterBreak: boolean;
}

// ---------------------------------------------------------------------------------------------
// Normalisation and pieces

const NON_ASCII = /[\u0080-\uffff]/;
const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/;

/**
 * NFKC first, so full-width Ｚｋ１６１６, circled ① and compatibility ideographs become their
 * plain forms; then accents are dropped so "Émeishan" stays one ASCII word instead of losing É.
 */
function normalize(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let s = text.normalize('NFKC').toLowerCase();
  if (LATIN_WITH_MARKS.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return s;
}

function pieces(normalized: string): Piece[] {
  const out: Piece[] = [];
  let nextBreak = normalized.indexOf('\n');
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(normalized); m !== null; m = PIECE.exec(normalized)) {
    const end = m.index + m[0].length;
    const afterBreak = nextBreak !== -1 && nextBreak < m.index;
    if (afterBreak) nextBreak = normalized.indexOf('\n', end);
    const starred = normalized.charCodeAt(end) === 42; // '*'
    out.push({ text: m[0], ideographic: m[1] !== undefined, starred, afterBreak });
  }
  return out;
}

function clip(token: string): string {
  return token.length > MAX_TOKEN_LENGTH ? token.slice(0, MAX_TOKEN_LENGTH) : token;
}

/**
 * A jieba word worth a token of its own: two characters or more (one is already a unigram), and
 * not a long HMM guess over unknown characters that nobody would type whole.
 */
function isSearchWord(w: string): boolean {
  return hasTwoChars(w) && w.length <= MAX_WORD_LENGTH;
}

/** At least two characters, not UTF-16 units: an Extension B ideograph takes two units. */
function hasTwoChars(s: string): boolean {
  if (s.length !== 2) return s.length > 2;
  const first = s.charCodeAt(0);
  return first < 0xd800 || first > 0xdbff;
}

// ---------------------------------------------------------------------------------------------
// ASCII chunks: words and identifiers

/**
 * How an ASCII chunk is indexed. `atoms` is the sequence a phrase query looks for: each
 * punctuation-separated part, stemmed when it is a word, split into letter and digit runs when it
 * mixes them (zk1616 → zk 1616). `whole` are extra tokens for the identifier as a unit: the chunk
 * with its punctuation removed (kq52000000000zk0001) and each mixed part (zk0001).
 *
 * So ZK1616, zk1616 and ZK-1616 all index as [zk1616, zk, 1616] and find each other by the whole
 * token; "ZK 1616" (two chunks: [zk, 1616]) is found by the atom phrase; "1616" and "zk0001" find
 * the ids they are part of; "ZK16*" finds zk1616 by prefix. The index puts the whole tokens after
 * a stretch of chunks, so atoms of neighbouring chunks stay consecutive for phrases ("thin section").
 */
interface ChunkAnalysis {
  readonly atoms: readonly string[];
  readonly whole: readonly string[];
}

const NO_TOKENS: readonly string[] = [];

function chunkAnalysis(chunk: string): ChunkAnalysis {
  if (LETTERS.test(chunk) || DIGITS.test(chunk)) return { atoms: atomsOfPart(chunk), whole: NO_TOKENS };
  const parts = chunk.split(CONNECTORS);
  const atoms: string[] = [];
  const whole: string[] = [];
  for (const part of parts) {
    const partAtoms = atomsOfPart(part);
    if (parts.length > 1 && partAtoms.length > 1) whole.push(clip(part));
    atoms.push(...partAtoms);
  }
  if (atoms.length > 1) whole.unshift(clip(parts.join('')));
  return { atoms, whole: [...new Set(whole)].filter((t) => !atoms.includes(t)) };
}

function atomsOfPart(part: string): string[] {
  if (LETTERS.test(part)) return [clip(stem(part))];
  if (DIGITS.test(part)) return [clip(part)];
  const runs = part.match(LETTER_OR_DIGIT_RUNS) ?? [];
  return runs.length <= MAX_SPLIT_RUNS ? runs.map(clip) : [clip(part)];
}

function stem(word: string): string {
  return word.length <= 2 ? word : stemmer(word);
}

/**
 * A prefix for a typed word start: the stem may have changed the end ("granite" → "granit"), so
 * a prefix keeps only what word and stem share ("granite*" looks for granit…).
 */
function prefixOfWord(word: string): string {
  const stemmed = stem(word);
  let i = 0;
  while (i < word.length && i < stemmed.length && word[i] === stemmed[i]) i++;
  return clip(word.slice(0, Math.max(i, 1)));
}

// ---------------------------------------------------------------------------------------------
// jieba, loaded on first use

const requireCommonJs = createRequire(import.meta.url);
let segmenter: Jieba | undefined;

/**
 * Word frequency for the domain words added to jieba's dictionary (CJK synonym terms: 斑岩型,
 * 花岗闪长斑岩, 多金属…): high enough that jieba keeps them whole (default 斑岩 is 48, 铜矿 311),
 * low enough not to override common words. Changing the word list changes index words, so a
 * change means re-indexing for best ranking; matching never depends on it (unigrams do that).
 */
const DOMAIN_WORD_FREQUENCY = 1000;

function jieba(): Jieba {
  if (!segmenter) {
    const { Jieba: JiebaClass } = requireCommonJs('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = requireCommonJs('@node-rs/jieba/dict.js') as typeof import('@node-rs/jieba/dict.js');
    const instance = JiebaClass.withDict(dict);
    const domainWords = SYNONYM_SETS.flatMap((s) => [...s.terms, ...s.aliases]).filter((w) =>
      IDEOGRAPH_WORD.test(w),
    );
    instance.loadDict(Buffer.from(domainWords.map((w) => `${w} ${DOMAIN_WORD_FREQUENCY}`).join('\n')));
    segmenter = instance;
  }
  return segmenter;
}

// Records repeat their ideographic runs a lot (province, deposit and rock names), so a run's
// search words are kept; the cache is simply emptied when full.
const searchWordCache = new Map<string, readonly string[]>();
const SEARCH_WORD_CACHE_LIMIT = 50_000;

/** jieba's search-mode words of 2+ characters for each run, in one call for the runs not cached. */
function searchWordsOfRuns(runs: readonly string[]): (readonly string[])[] {
  // Emptied before the runs to cut are picked: emptied after, it would take with it the words of the
  // runs found in it, and the record would be indexed without them.
  if (searchWordCache.size + runs.length > SEARCH_WORD_CACHE_LIMIT) searchWordCache.clear();
  const missing: string[] = [];
  for (const r of runs)
    if (hasTwoChars(r) && !searchWordCache.has(r) && !missing.includes(r)) missing.push(r);
  if (missing.length > 0) {
    const words = cutRunsForSearch(missing);
    missing.forEach((run, i) => searchWordCache.set(run, words[i]!));
  }
  return runs.map((r) => searchWordCache.get(r) ?? NO_TOKENS);
}

/** One native call for several runs: they are joined by spaces, and jieba returns each space. */
function cutRunsForSearch(runs: readonly string[]): string[][] {
  const perRun: string[][] = [[]];
  for (const word of jieba().cutForSearch(runs.join(' '), true)) {
    if (word === ' ') perRun.push([]);
    else if (isSearchWord(word)) perRun[perRun.length - 1]!.push(word);
  }
  if (perRun.length === runs.length) return perRun;
  return runs.map((run) => jieba().cutForSearch(run, true).filter(isSearchWord));
}

// ---------------------------------------------------------------------------------------------
// Index side

/**
 * The index tokens of a text, in order. For a run of ideographs: each character, then each
 * bigram (consecutive, so a phrase of bigrams matches any substring), then jieba's search-mode
 * words of 3+ characters. For ASCII chunks: their atoms, then, once the stretch of ASCII ends, their
 * whole-identifier tokens, so that the atoms of "iron-oxide copper" stay consecutive.
 */
export function indexTokens(text: string): string[] {
  return tokensOfFields([text]);
}

/**
 * The text to store in a record's search column: the tokens of all its fields, space-joined.
 * Fields are joined by line breaks, so an identifier or a word never spans two fields.
 */
export function indexText(parts: ReadonlyArray<string | null | undefined>): string {
  let text = '';
  for (const part of parts) {
    if (typeof part !== 'string' || part.length === 0) continue;
    const tokens = fieldIndexText(part);
    if (tokens.length > 0) text = text.length > 0 ? `${text} ${tokens}` : tokens;
  }
  return text;
}

/**
 * One field's index text. A field's tokens do not depend on the fields around it (no piece spans a
 * line break), so a record's are its fields' in order; and most fields of a national load repeat
 * (province, custodian, belt and unit names) and are analysed once per distinct text.
 */
const fieldIndexText = remembered((field: string) => tokensOfFields([field]).join(' '));

function tokensOfFields(fields: readonly string[]): string[] {
  const all = pieces(normalize(fields.join('\n')));
  const runs: string[] = [];
  for (const p of all) if (p.ideographic) runs.push(p.text);
  const words = searchWordsOfRuns(runs);
  const tokens: string[] = [];
  let deferred: string[] = [];
  let run = 0;
  for (const piece of all) {
    if (piece.ideographic || piece.afterBreak) {
      for (const t of deferred) tokens.push(t);
      deferred = [];
    }
    if (piece.ideographic) {
      const characters = charactersOf(piece.text);
      tokens.push(...characters, ...bigramsOf(characters));
      for (const w of words[run++]!) if (hasThreeChars(w)) tokens.push(w);
    } else {
      const { atoms, whole } = chunkAnalysis(piece.text);
      for (const t of atoms) tokens.push(t);
      for (const t of whole) deferred.push(t);
    }
  }
  for (const t of deferred) tokens.push(t);
  return tokens;
}

/** Each character of a run of ideographs (an indexed loop: the string iterator is slower). */
function charactersOf(run: string): string[] {
  const characters: string[] = [];
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1; // Extension B and later: a surrogate pair
    characters.push(width === 1 ? run[i]! : run.slice(i, i + 2));
    i += width - 1;
  }
  return characters;
}

/** Three characters or more (a two-character word is indexed as a bigram already). */
function hasThreeChars(w: string): boolean {
  return w.length > 2 && charactersOf(w).length > 2;
}

/** Each pair of neighbouring characters, in order. */
function bigramsOf(characters: readonly string[]): string[] {
  const bigrams: string[] = [];
  for (let i = 1; i < characters.length; i++) bigrams.push(characters[i - 1]! + characters[i]!);
  return bigrams;
}

/**
 * The phrase that finds a run of ideographs in any indexed text: the character itself when it is
 * one, else its bigrams in order (甲玛 → [甲玛]; 香格里拉 → [香格, 格里, 里拉]).
 */
function runPhrase(run: string): string[] {
  const characters = charactersOf(run);
  return characters.length < 2 ? characters : bigramsOf(characters);
}

/**
 * The phrase that finds a term in any indexed text: the bigrams of its ideographs and the atoms of
 * its words (甲玛 → [甲玛]; 铜 → [铜]; "Thin sections" → [thin, section]; ZK-1616 → [zk, 1616]).
 */
export function analyzeTerm(term: string): string[] {
  const tokens: string[] = [];
  for (const piece of pieces(normalize(term))) {
    if (piece.ideographic) tokens.push(...runPhrase(piece.text));
    else tokens.push(...chunkAnalysis(piece.text).atoms);
  }
  return tokens;
}

/**
 * The text an ideographic phrase spells: a bigram chain overlaps by one character ([香格, 格里,
 * 里拉] → 香格里拉); any other phrase is its tokens joined.
 */
export function phraseText(tokens: readonly string[]): string {
  return chainText(tokens) ?? tokens.join('');
}

/** The text a chain of two or more overlapping ideograph bigrams spells (undefined: no chain). */
function chainText(tokens: readonly string[]): string | undefined {
  if (tokens.length < 2 || !IDEOGRAPH_TOKEN.test(tokens.join(''))) return undefined;
  let text = '';
  for (const [i, token] of tokens.entries()) {
    const [first, second, ...more] = charactersOf(token);
    if (second === undefined || more.length > 0) return undefined;
    if (i === 0) text = first!;
    else if (!text.endsWith(first!)) return undefined;
    text += second;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Query side

interface QueryWord {
  /** As typed (normalised); for ideographs the jieba word. */
  readonly text: string;
  readonly ideographic: boolean;
  /** The word's phrase: analyzeTerm(text). */
  readonly phrase: readonly string[];
  readonly prefix: boolean;
  /** Words of one ideograph run, or of consecutive ASCII chunks, share a stretch: only they are
   * consecutive in the index too, so only they may merge into one synonym term. */
  readonly stretch: number;
}

/** Words that would make a query miss records that do not repeat them. */
const STOP_WORDS = new Set('的 和 与 及 a an and or of the in on for to'.split(' '));

/** Commodity suffixes: 铜矿, 铜矿石, 铜矿床 also ask for what 铜 asks for. */
const ORE_SUFFIXES = ['矿石', '矿床', '矿区', '矿体', '矿化', '矿'];

/** Longest synonym, in query words, that the query is searched for (火山/成因/块状/硫化物/型…). */
const MAX_SYNONYM_WORDS = 8;

/**
 * The match groups of a query, AND-ed. A group's phrases are OR-ed alternatives: for a Chinese
 * word W from jieba's precise cut, [W] and the phrase of its characters; for an ASCII word its
 * stemmed atoms (and the whole identifier); plus, for both, the synonyms of the word, analysed
 * as the index analyses text. Consecutive words that together form a synonym term ("thin
 * section", 斑岩/型) become one group. `word*` asks for a prefix and is not expanded.
 */
export function queryGroups(text: string): QueryGroup[] {
  const words = mergeSynonymTerms(queryWords(text));
  const kept = words.filter((w) => w.prefix || !STOP_WORDS.has(w.text));
  const groups = (kept.length > 0 ? kept : words).map(groupOf).filter((g) => g.length > 0);
  const seen = new Set<string>();
  return groups.filter((g) => {
    const key = JSON.stringify(g);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function queryWords(text: string): QueryWord[] {
  const words: QueryWord[] = [];
  let stretch = 0;
  let inAscii = false;
  for (const piece of pieces(normalize(text))) {
    if (!piece.ideographic) {
      if (!inAscii) stretch++;
      inAscii = true;
      const phrase = chunkAnalysis(piece.text).atoms;
      words.push({ text: piece.text, ideographic: false, phrase, prefix: piece.starred, stretch });
      continue;
    }
    inAscii = false;
    stretch++;
    const cut = jieba().cut(piece.text, true);
    cut.forEach((w, i) => {
      const prefix = piece.starred && i === cut.length - 1;
      words.push({ text: w, ideographic: true, phrase: runPhrase(w), prefix, stretch });
    });
  }
  return words;
}

/** Greedily joins the longest runs of consecutive words that spell a synonym term. */
function mergeSynonymTerms(words: readonly QueryWord[]): QueryWord[] {
  const merged: QueryWord[] = [];
  for (let i = 0; i < words.length;) {
    let taken = 1;
    for (let n = Math.min(MAX_SYNONYM_WORDS, words.length - i); n >= 2; n--) {
      const span = words.slice(i, i + n);
      if (span.some((w) => w.prefix || w.stretch !== span[0]!.stretch)) continue;
      const ideographic = span.every((w) => w.ideographic);
      const text = span.map((w) => w.text).join(ideographic ? '' : ' ');
      // Bigrams run across the words' boundaries (火山 + 岩 → 火山 山岩): the phrase of the whole.
      const phrase = ideographic ? runPhrase(text) : span.flatMap((w) => w.phrase);
      if (synonymIndex().has(phrase.join(' '))) {
        merged.push({ text, ideographic, phrase, prefix: false, stretch: span[0]!.stretch });
        taken = n;
        break;
      }
    }
    if (taken === 1) merged.push(words[i]!);
    i += taken;
  }
  return merged;
}

function groupOf(word: QueryWord): QueryGroup {
  const phrases: Phrase[] = [];
  if (word.ideographic) {
    if (isSearchWord(word.text))
      phrases.push(word.prefix ? { tokens: [word.text], prefix: true } : { tokens: [word.text] });
    phrases.push({ tokens: [...word.phrase] });
  } else if (word.prefix) {
    phrases.push(...asciiPrefixPhrases(word.text));
  } else {
    // The identifier as one token finds it however it is punctuated (ZK-1616 = ZK1616).
    const whole = word.text.includes(' ') ? undefined : chunkAnalysis(word.text).whole[0];
    if (whole !== undefined) phrases.push({ tokens: [whole] });
    phrases.push({ tokens: [...word.phrase] });
  }
  if (!word.prefix) phrases.push(...synonymPhrases(word));
  return withoutRedundantPhrases(phrases.filter((p) => p.tokens.length > 0));
}

/**
 * "ZK16*": the whole identifier as a prefix (zk16 → zk1616) and the atom phrase with a prefix
 * last atom (zk 16… → "ZK 1616"). A word's last part is not stemmed but cut to what it shares
 * with its stem.
 */
function asciiPrefixPhrases(chunk: string): Phrase[] {
  const parts = chunk.split(CONNECTORS);
  const last = parts[parts.length - 1]!;
  const head = parts.slice(0, -1).flatMap(atomsOfPart);
  const tail = LETTERS.test(last) ? [prefixOfWord(last)] : atomsOfPart(last);
  const phrases: Phrase[] = [{ tokens: [...head, ...tail], prefix: true }];
  if (parts.length > 1 || tail.length > 1) phrases.unshift({ tokens: [clip(parts.join(''))], prefix: true });
  return phrases;
}

/** Copies, so that a caller changing a group cannot change the synonym index. */
function synonymPhrases(word: QueryWord): Phrase[] {
  return (synonymsOf(word) ?? []).map((p) => ({ tokens: [...p.tokens] }));
}

function synonymsOf(word: QueryWord): readonly Phrase[] | undefined {
  const direct = synonymIndex().get(word.phrase.join(' '));
  if (direct) return direct;
  if (!word.ideographic) return word.phrase.length === 1 ? misspelt(word.phrase[0]!) : undefined;
  for (const suffix of ORE_SUFFIXES) {
    if (word.text.length > suffix.length && word.text.endsWith(suffix)) {
      const found = synonymIndex().get(analyzeTerm(word.text.slice(0, -suffix.length)).join(' '));
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Cheap typo tolerance: an English word of 5+ letters that is not in the vocabulary (commodities,
 * rocks, deposit types, provinces, core words) but one edit away from exactly one vocabulary word
 * (two edits from 8 letters) also asks for that word: coper → copper, porphry → porphyry.
 * The word itself stays an alternative, so a correct rare word loses nothing.
 */
function misspelt(token: string): readonly Phrase[] | undefined {
  if (token.length < 5 || !/^[a-z]+$/.test(token)) return undefined;
  const allowed = token.length >= 8 ? 2 : 1;
  let best: string[] = [];
  let bestDistance = allowed + 1;
  for (const key of vocabularyWords()) {
    if (Math.abs(key.length - token.length) > allowed) continue;
    const d = editDistance(token, key, allowed);
    if (d < bestDistance) [best, bestDistance] = [[key], d];
    else if (d === bestDistance) best.push(key);
  }
  return best.length === 1 ? synonymIndex().get(best[0]!) : undefined;
}

let vocabulary: string[] | undefined;

/** The one-word English terms of the synonym index (as analysed: stemmed). */
function vocabularyWords(): string[] {
  return (vocabulary ??= [...synonymIndex().keys()].filter((k) => /^[a-z]{4,}$/.test(k)));
}

/** Optimal-string-alignment distance (a swap of neighbours is one edit), capped at `cap` + 1. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      smallest = Math.min(smallest, d);
    }
    if (smallest > cap) return cap + 1;
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length]!, cap + 1);
}

/**
 * Drops duplicates, and phrases that contain another phrase: [铜, 矿] matches nothing that [铜]
 * does not. Prefix phrases are kept as they are.
 */
function withoutRedundantPhrases(phrases: readonly Phrase[]): Phrase[] {
  const seen = new Set<string>();
  const distinct = phrases.filter((p) => {
    const key = `${p.prefix ? '*' : ''}${p.tokens.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return distinct.filter(
    (p) =>
      p.prefix ||
      !distinct.some(
        (q) => q !== p && !q.prefix && (containsRun(p.tokens, q.tokens) || spellsWithin(p.tokens, q.tokens)),
      ),
  );
}

/**
 * Whether a bigram chain (铜矿石 → [铜矿, 矿石]) spells a longer text than `q`, a character, bigram
 * or chain found inside it ([铜]): every record the chain finds, `q` finds. A word token of three
 * characters or more is no such `q`: it finds fewer records than its characters.
 */
function spellsWithin(chain: readonly string[], q: readonly string[]): boolean {
  const text = chainText(chain);
  if (text === undefined || !IDEOGRAPH_TOKEN.test(q.join(''))) return false;
  const inner = phraseText(q);
  if (q.length === 1 && charactersOf(inner).length > 2) return false;
  return inner.length < text.length && text.includes(inner);
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length >= haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Synonym index: a term's phrase (analyzeTerm joined by spaces) → the phrases of its set's terms

let synonyms: Map<string, Phrase[]> | undefined;

function synonymIndex(): Map<string, Phrase[]> {
  if (!synonyms) {
    const index = new Map<string, Phrase[]>();
    const add = (key: string, phrases: Phrase[]) => {
      if (key.length === 0) return;
      index.set(key, [...(index.get(key) ?? []), ...phrases]);
    };
    for (const set of SYNONYM_SETS) {
      const phrases = set.terms.map((t) => ({ tokens: analyzeTerm(t) })).filter((p) => p.tokens.length > 0);
      for (const term of set.terms) add(analyzeTerm(term).join(' '), phrases);
    }
    // Aliases after all terms, so an alias never widens what a term of another set expands to.
    for (const set of SYNONYM_SETS) {
      const phrases = set.terms.map((t) => ({ tokens: analyzeTerm(t) })).filter((p) => p.tokens.length > 0);
      for (const alias of set.aliases) {
        const key = analyzeTerm(alias).join(' ');
        if (!index.has(key)) add(key, phrases);
      }
    }
    synonyms = index;
  }
  return synonyms;
}

/** Loads jieba and builds the synonym index now rather than on the first text or query. */
export function prepareAnalyzer(): void {
  jieba();
  synonymIndex();
}
