// The searchable facts of every borehole and catalog record as typed-array columns in memory (what
// search engines call doc values), so a search answers its exact total, every facet, its page in any
// order and its map cells by scanning arrays instead of one SQL query per count. The engine still
// matches the words (FTS5, tsvector) and hands back ids; everything else is evaluated here, by the
// same code on both engines. The columns are tagged with the store's search epoch (a counter the
// writing transaction moves) and used only while it has not moved; until a rebuild is done the SQL
// path answers, so a search never returns stale results.
import { Bitset } from '../../domain/search/bitset.js';
import { RangeIndex, type NumberRange } from '../../domain/search/range-index.js';
import { holeOnly } from '../../domain/search/record-fields.js';
import { TextColumn } from './text-column.js';
import { publishedPosition } from '../../domain/desensitise.js';
import { eligibleModes, SHARING_MODES, type SharingFacts } from '../../domain/sharing-modes.js';
import { COMMODITIES, depositTypeSpellings } from '../../domain/china.js';
import { distanceKey, distanceKm, inPolygon } from '../../domain/search/areas.js';
import { queryGroups, type QueryGroup } from '../../domain/search/analyzer.js';
import { AS_TYPED, LOOSER, rankedGroups } from '../../domain/search/relevance.js';
import type { QueryNode } from '../../domain/search/query-language.js';
import {
  byCount,
  decadeOf,
  DEPTH_BANDS,
  HAS_CODES,
  inFacetOrder,
  SHARING_MODE_CODES,
  type Facet,
  type FacetCount,
} from '../../domain/search/facets.js';
import type { Store } from '../../store/store.js';
import { usable, type MatchPhrase, type SearchEntity, type TextMatch } from '../../store/search.js';
import { SYNONYM_SETS } from '../../domain/search/synonyms.js';
import type { SearchArea, SearchSort, SortPosition } from '../../store/repositories/search.repository.js';
import {
  searchColumnsRepository,
  type HasTable,
} from '../../store/repositories/search-columns.repository.js';

/** Values of a text column as small integer codes; code 0 is "no value". */
class Dictionary {
  readonly values: Array<string | null> = [null];
  private readonly codes = new Map<string, number>();

  code(value: string | null | undefined): number {
    if (value === null || value === undefined) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** A lookup table: wanted[code] = 1 for the codes of these values. */
  wanted(values: Iterable<string>): Uint8Array {
    const table = new Uint8Array(this.values.length);
    for (const v of values) {
      const code = this.codes.get(v);
      if (code !== undefined) table[code] = 1;
    }
    return table;
  }
}

const HAS_TABLES: Readonly<Record<string, HasTable>> = {
  lithology: 'lithology',
  samples: 'sample',
  boxes: 'core_box',
  surveys: 'survey',
};
const PAGE = 100_000;
/** Word matches kept per snapshot (a search, then its facets and next pages, ask the same words). */
const TEXT_CACHE_ENTRIES = 256;
/** A phrase or word group is held as a bitset (frequent) when it matches this many records (or 0.5 %). */
const FREQUENT_PHRASE_MATCHES = 1_000;
/** Held word groups matching at most this share of records narrow the engine's work (see words()). */
const NARROWING_SHARE = 0.05;
/** Columns with at most this many codes have every code's bitset made with the snapshot. */
const EAGER_CODES = 64;
/** Unions of held phrases kept per snapshot (a few hundred KiB each at most, most are one phrase). */
const HELD_GROUP_ENTRIES = 128;
/** Frequent word groups learned per snapshot, at most (about 32 MiB at national scale). */
const LEARNED_GROUPS = 128;
/** Below this many boreholes a stale snapshot is rebuilt before answering instead of in the background. */
const BUILD_INLINE_BELOW = 50_000;

/** A word group's held phrases OR-ed, how many records that is, and the phrases not held. */
interface HeldGroup {
  set: Bitset;
  count: number;
  rest: readonly MatchPhrase[];
}

interface Custodian {
  code: string;
  name_zh: string;
  name_en: string | null;
  level: string;
}

/** One consistent picture of the searchable columns, tagged with the epoch it was read at. */
export class SearchColumns {
  // Boreholes, ascending id; position i is the hole's row everywhere.
  holes = 0;
  holeIds = new Int32Array(0);
  private holeIndex = new Int32Array(0);
  private holeIdText = TextColumn.of([]);
  private holeIdUpper = TextColumn.of([]);
  shownLon = new Float64Array(0);
  shownLat = new Float64Array(0);
  depth = new Float64Array(0);
  private elevation = new Float64Array(0);
  /** Drilling starts as codes of `drillStarts` (0: none): a million date strings stay off the heap. */
  private drillStart = new Uint32Array(0);
  private readonly drillStarts = new Dictionary();
  /** The year a drilling start begins with (NaN: none, or not a four-digit year). */
  private drillYear = new Float64Array(0);
  /** Holes whose drilling start is given but does not begin with a four-digit year. */
  private oddDrillStarts = new Uint32Array(0);
  private depthRanges = new RangeIndex(new Float64Array(0));
  private elevationRanges = new RangeIndex(new Float64Array(0));
  private drillYearRanges = new RangeIndex(new Float64Array(0));
  private province = new Uint16Array(0);
  private depositType = new Uint16Array(0);
  private coreClass = new Uint16Array(0);
  private funding = new Uint16Array(0);
  private confidentiality = new Uint16Array(0);
  private custodian = new Uint16Array(0);
  private gridStart = new Uint32Array(GRID_COLUMNS * GRID_ROWS + 1);
  private gridHoles = new Uint32Array(0);
  /** Modes open (offered and allowed for the core), one bit per SHARING_MODES entry. */
  private openModes = new Uint8Array(0);
  private commodityStart = new Uint32Array(1);
  private commodityCodes = new Uint16Array(0);
  private readonly has = new Map<string, Bitset>();
  private readonly materials = new Map<string, Bitset>();
  // Catalog records, ascending id.
  records = 0;
  recordIds = new Int32Array(0);
  private recordIndex = new Int32Array(0);
  private recordHole = new Int32Array(0);
  private recordProvince = new Uint16Array(0);
  private recordMaterial = new Uint16Array(0);
  private recordCustodian = new Uint16Array(0);
  private recordYear = new Float64Array(0);
  private recordYearRanges = new RangeIndex(new Float64Array(0));
  /** The records of each hole (positions), hole by hole: start[h] … start[h + 1]. */
  private recordsOfHoleStart = new Uint32Array(1);
  private recordsOfHole = new Uint32Array(0);

  private readonly provinces = new Dictionary();
  private readonly depositTypes = new Dictionary();
  private readonly classes = new Dictionary();
  private readonly fundings = new Dictionary();
  private readonly confidentialities = new Dictionary();
  private readonly commodities = new Dictionary();
  private readonly materialTypes = new Dictionary();
  /** Custodian codes of the column: code → custodian (index 0: none). */
  private readonly custodians: Array<Custodian | null> = [null];

  /** Bitsets of the rows holding each code of a column (see indexCodes; many-code columns: on use). */
  private readonly codeSets = new Map<Uint16Array, Map<number, Bitset>>();
  /** The holes of each commodity code and of each open sharing mode (by bit), see indexCodes. */
  private commoditySets: Bitset[] = [];
  private modeSets: Bitset[] = [];
  /** Word matches by entity and text, for this epoch only, least recently used first. */
  private readonly textCache = new Map<string, Bitset>();
  /** Unions of held phrases by entity and group (null: none held), see heldGroup. */
  private readonly heldGroups = new Map<string, HeldGroup | null>();
  /** Matches of the reference vocabulary's phrases by entity and phrase (see vocabularyPhrases). */
  private readonly phraseSets = new Map<string, Bitset>();
  /** The vocabulary phrases that match too few records for a bitset: their positions, ascending. */
  private readonly rarePhrases = new Map<string, Uint32Array>();
  /** How many frequent word groups were learned from the engine's answers (see words()). */
  private learned = 0;
  /**
   * Tests on small stores: every phrase and word group matching two records or more counts as
   * frequent (a bitset, learned), those matching one as rare (positions), so both forms are used.
   */
  private holdEvery = false;

  private constructor(readonly epoch: string) {}

  /**
   * `vocabulary`: hold the vocabulary phrases' matches in memory (every one that matches anything);
   * when not given, only the frequent ones and only on large stores, where they pay.
   */
  static async read(store: Store, options: { vocabulary?: boolean } = {}): Promise<SearchColumns> {
    const repo = searchColumnsRepository(store.db);
    // The epoch first: data committed after it only makes the snapshot look older than it is.
    const columns = new SearchColumns(await repo.epoch());
    const custodianCode = new Map<number, number>();
    for (const c of await repo.custodians()) {
      custodianCode.set(c.id, columns.custodians.length);
      columns.custodians.push({ code: c.code, name_zh: c.name_zh, name_en: c.name_en, level: c.level });
    }
    await columns.readHoles(repo, custodianCode);
    await columns.readCommodities(repo);
    for (const [code, table] of Object.entries(HAS_TABLES))
      columns.has.set(code, columns.holeSet(await repo.holesWith(table)));
    for (const { borehole_id, material_type } of await repo.holeMaterials()) {
      let set = columns.materials.get(material_type);
      if (!set) columns.materials.set(material_type, (set = new Bitset(columns.holes)));
      const i = columns.positionOfHole(Number(borehole_id));
      if (i >= 0) set.add(i);
    }
    await columns.readRecords(repo, custodianCode);
    columns.indexCodes();
    if (options.vocabulary === true) await columns.readPhrases(store, true);
    else if (options.vocabulary === undefined && columns.holes >= BUILD_INLINE_BELOW)
      await columns.readPhrases(store, false);
    return columns;
  }

  private async readHoles(
    repo: ReturnType<typeof searchColumnsRepository>,
    custodianCode: Map<number, number>,
  ): Promise<void> {
    const rows = [];
    for (let after = 0; ;) {
      const page = await repo.holes(after, PAGE);
      if (page.length === 0) break;
      rows.push(...page);
      after = page[page.length - 1]!.id;
    }
    const n = (this.holes = rows.length);
    this.holeIds = new Int32Array(n);
    this.shownLon = new Float64Array(n);
    this.shownLat = new Float64Array(n);
    this.depth = new Float64Array(n);
    this.elevation = new Float64Array(n);
    this.drillStart = new Uint32Array(n);
    this.drillYear = new Float64Array(n);
    const holeIds = new Array<string>(n);
    this.province = new Uint16Array(n);
    this.depositType = new Uint16Array(n);
    this.coreClass = new Uint16Array(n);
    this.funding = new Uint16Array(n);
    this.confidentiality = new Uint16Array(n);
    this.custodian = new Uint16Array(n);
    this.openModes = new Uint8Array(n);
    const modeMasks = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      this.holeIds[i] = r.id;
      const shown = publishedPosition({ lon: r.lon, lat: r.lat }, r.confidentiality);
      this.shownLon[i] = shown.lon ?? NaN;
      this.shownLat[i] = shown.lat ?? NaN;
      this.depth[i] = r.total_depth ?? NaN;
      this.elevation[i] = r.collar_elev ?? NaN;
      this.drillStart[i] = this.drillStarts.code(r.drill_start);
      this.drillYear[i] =
        r.drill_start !== null && /^\d{4}/.test(r.drill_start) ? Number(r.drill_start.slice(0, 4)) : NaN;
      holeIds[i] = r.hole_id;
      this.province[i] = this.provinces.code(r.province_code);
      this.depositType[i] = this.depositTypes.code(r.deposit_type);
      this.coreClass[i] = this.classes.code(r.core_class);
      this.funding[i] = this.fundings.code(r.funding_source);
      this.confidentiality[i] = this.confidentialities.code(r.confidentiality);
      this.custodian[i] = r.custodian_id === null ? 0 : (custodianCode.get(r.custodian_id) ?? 0);
      const key = `${r.funding_source}|${r.ownership_dispute}|${r.core_class}`;
      let mask = modeMasks.get(key);
      if (mask === undefined) modeMasks.set(key, (mask = eligibleMask(r)));
      this.openModes[i] = r.offered_modes & mask;
    }
    this.holeIndex = indexOf(this.holeIds);
    this.buildGrid();
    this.depthRanges = new RangeIndex(this.depth);
    this.elevationRanges = new RangeIndex(this.elevation);
    this.drillYearRanges = new RangeIndex(this.drillYear);
    const odd: number[] = [];
    for (let i = 0; i < n; i++)
      if (this.drillYear[i] !== this.drillYear[i] && this.drillStart[i] !== 0) odd.push(i);
    this.oddDrillStarts = Uint32Array.from(odd);
    this.holeIdText = TextColumn.of(holeIds);
    this.holeIdUpper = TextColumn.of(holeIds.map((h) => h.toUpperCase()));
  }

  private async readCommodities(repo: ReturnType<typeof searchColumnsRepository>): Promise<void> {
    const start = new Uint32Array(this.holes + 1);
    const codes: number[] = [];
    const maxId = this.holes ? this.holeIds[this.holes - 1]! : 0;
    let position = 0;
    for (let after = 0; after < maxId; after += PAGE) {
      for (const { borehole_id, commodity } of await repo.commodities(after, PAGE)) {
        const i = this.positionOfHole(Number(borehole_id));
        if (i < 0) continue;
        // Rows come in hole order: close the holes before this one.
        while (position < i) start[++position] = codes.length;
        codes.push(this.commodities.code(commodity));
      }
    }
    while (position < this.holes) start[++position] = codes.length;
    this.commodityStart = start;
    this.commodityCodes = Uint16Array.from(codes);
  }

  private async readRecords(
    repo: ReturnType<typeof searchColumnsRepository>,
    custodianCode: Map<number, number>,
  ): Promise<void> {
    const rows = [];
    for (let after = 0; ;) {
      const page = await repo.records(after, PAGE);
      if (page.length === 0) break;
      rows.push(...page);
      after = page[page.length - 1]!.id;
    }
    const m = (this.records = rows.length);
    this.recordIds = new Int32Array(m);
    this.recordHole = new Int32Array(m);
    this.recordProvince = new Uint16Array(m);
    this.recordMaterial = new Uint16Array(m);
    this.recordCustodian = new Uint16Array(m);
    this.recordYear = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const r = rows[i]!;
      this.recordIds[i] = r.id;
      this.recordHole[i] = r.borehole_id === null ? -1 : this.positionOfHole(Number(r.borehole_id));
      this.recordProvince[i] = this.provinces.code(r.province_code);
      this.recordMaterial[i] = this.materialTypes.code(r.material_type);
      this.recordCustodian[i] = r.custodian_id === null ? 0 : (custodianCode.get(r.custodian_id) ?? 0);
      this.recordYear[i] = r.year ?? NaN;
    }
    this.recordIndex = indexOf(this.recordIds);
    this.recordYearRanges = new RangeIndex(this.recordYear);
    const start = new Uint32Array(this.holes + 1);
    for (let i = 0; i < m; i++) if (this.recordHole[i]! >= 0) start[this.recordHole[i]! + 1]!++;
    for (let h = 0; h < this.holes; h++) start[h + 1]! += start[h]!;
    const list = new Uint32Array(start[this.holes]!);
    const fill = start.slice(0, this.holes);
    for (let i = 0; i < m; i++) {
      const h = this.recordHole[i]!;
      if (h >= 0) list[fill[h]!++] = i;
    }
    this.recordsOfHoleStart = start;
    this.recordsOfHole = list;
  }

  /**
   * Reads the matches of every vocabulary phrase: a bitset for the frequent ones, the positions for
   * the rest (none at all is an answer too); `every`: see holdEvery.
   */
  private async readPhrases(store: Store, every: boolean): Promise<void> {
    this.holdEvery = every;
    for (const entity of ['borehole', 'catalog_record'] as const) {
      const least = this.frequentMatches(entity);
      for (const phrase of vocabularyPhrases()) {
        const ids = await store.search.matchingIds(entity, [[phrase]]);
        const found = this.positions(entity, ids);
        if (ids.length >= least) this.phraseSets.set(phraseKey(entity, phrase), found);
        else {
          const rows: number[] = [];
          found.forEach((i) => void rows.push(i));
          this.rarePhrases.set(phraseKey(entity, phrase), Uint32Array.from(rows));
        }
      }
    }
  }

  /** The held matches of a phrase (undefined: ask the engine). */
  private heldPhrase(entity: SearchEntity, phrase: MatchPhrase): Bitset | undefined {
    if (phrase.prefix) return undefined;
    const key = phraseKey(entity, phrase);
    const frequent = this.phraseSets.get(key);
    if (frequent) return frequent;
    const rows = this.rarePhrases.get(key);
    if (!rows) return undefined;
    const set = new Bitset(entity === 'borehole' ? this.holes : this.records);
    for (const i of rows) set.add(i);
    return set;
  }

  /**
   * The records whose words match `text`. The held words (vocabulary phrases, and frequent words
   * learned from earlier answers: the long index lists) are ANDed in memory; the others go to the
   * engine together, in one query, where their lists skip past each other. At national scale:
   * 湖北大冶铁矿 14 → 6 ms, a catalog query 324 → 4 ms. The answer is kept a while.
   */
  async words(store: Store, entity: SearchEntity, text: string): Promise<Bitset> {
    const key = `${entity}\u0000${text}`;
    const cached = this.textCache.get(key);
    if (cached) {
      this.textCache.delete(key); // re-inserted below: the map's order is the LRU order
      this.textCache.set(key, cached);
      return cached;
    }
    const groups = usable(queryGroups(text) as TextMatch);
    const size = entity === 'borehole' ? this.holes : this.records;
    // The intersection so far (undefined: everything); `owned` once it is a set made here, which
    // the next groups may then AND into in place instead of allocating a set per group.
    let found: Bitset | undefined;
    let owned = false;
    const and = (set: Bitset) => {
      if (!found) found = set;
      else if (owned) found.andWith(set);
      else [found, owned] = [found.and(set), true];
    };
    const unheld: Array<(typeof groups)[number]> = [];
    /** Held groups that match few records: an engine may narrow its own work with them. */
    const narrowing: Array<(typeof groups)[number]> = [];
    for (const group of groups) {
      const held = this.heldGroup(entity, group);
      if (!held) {
        unheld.push(group);
        continue;
      }
      // Held phrases from memory; the group's other phrases (rarer forms) from the engine.
      if (held.rest.length) {
        const set = held.set.or(await this.fromEngine(store, entity, [held.rest]));
        if (set.count() <= size * NARROWING_SHARE) narrowing.push(group);
        and(set);
      } else {
        if (held.count <= size * NARROWING_SHARE) narrowing.push(group);
        and(held.set);
      }
    }
    // When the held words leave nothing, the engine need not be asked (花岗岩 钒 矿: 114 ms of 矿).
    if (groups.length === 0 || (unheld.length > 0 && (!found || found.count() > 0)))
      and(await this.fromEngine(store, entity, unheld, narrowing));
    const answer = found ?? Bitset.full(size);
    this.remember(key, answer);
    return answer;
  }

  /**
   * The union of a group's held phrases and its size (undefined: none is held), kept for the
   * snapshot: searches share their groups (湖北, 铁矿, 铜 = copper = Cu), and OR-ing the same four
   * bitsets of two million bits again for every search cost more than the engine's answer.
   */
  private heldGroup(entity: SearchEntity, group: readonly MatchPhrase[]): HeldGroup | undefined {
    const key = `${entity}\u0002${JSON.stringify(group)}`;
    const cached = this.heldGroups.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const held: Bitset[] = [];
    const rest: MatchPhrase[] = [];
    for (const phrase of group) {
      const set = this.heldPhrase(entity, phrase);
      if (set) held.push(set);
      else rest.push(phrase);
    }
    let union: HeldGroup | null = null;
    if (held.length > 0) {
      const set =
        held.length === 1 ? held[0]! : held.slice(2).reduce((a, b) => a.orWith(b), held[0]!.or(held[1]!));
      union = { set, count: set.count(), rest };
    }
    if (this.heldGroups.size >= HELD_GROUP_ENTRIES)
      this.heldGroups.delete(this.heldGroups.keys().next().value!);
    this.heldGroups.set(key, union);
    return union ?? undefined;
  }

  forgetWords(): void {
    this.textCache.clear();
    this.heldGroups.clear();
  }

  /** The engine's matches of these word groups; a frequent answer is held for the snapshot. */
  private async fromEngine(
    store: Store,
    entity: SearchEntity,
    groups: TextMatch,
    narrowing: TextMatch = [],
  ): Promise<Bitset> {
    const key = `${entity}\u0001${JSON.stringify(groups)}`;
    const held = this.phraseSets.get(key);
    if (held) return held;
    const ids = await store.search.matchingIds(entity, groups, narrowing);
    const set = this.positions(entity, ids);
    // A narrowed answer is only part of the groups' matches: never held for other texts.
    if (
      narrowing.length === 0 &&
      ids.length >= this.frequentMatches(entity) &&
      this.learned < LEARNED_GROUPS
    ) {
      this.learned++;
      this.phraseSets.set(key, set);
    }
    return set;
  }

  /** How many records a phrase matches to be worth holding in memory. */
  private frequentMatches(entity: SearchEntity): number {
    if (this.holdEvery) return 2;
    return Math.max(FREQUENT_PHRASE_MATCHES, (entity === 'borehole' ? this.holes : this.records) / 200);
  }

  /** The boreholes matching any phrase of a group (from memory when every phrase is held). */
  private async groupSet(store: Store, group: QueryGroup): Promise<Bitset> {
    const key = `\u0001${JSON.stringify(group)}`;
    let set = this.textCache.get(key);
    if (!set) {
      const held = this.heldGroup('borehole', group);
      set = held && held.rest.length === 0 ? held.set : await this.fromEngine(store, 'borehole', [group]);
      this.remember(key, set);
    }
    return set;
  }

  /**
   * The relevance score (src/domain/search/relevance.ts) of a borehole by position, worked out when
   * asked: a page asks it only of the matching holes it looks at, and no search allocates a score
   * for every hole (8 MB).
   */
  async relevance(store: Store, node: QueryNode | null): Promise<(i: number) => number> {
    const groups: Array<{ typed: Bitset; any: Bitset }> = [];
    for (const group of rankedGroups(node))
      groups.push({ typed: await this.groupSet(store, [group[0]!]), any: await this.groupSet(store, group) });
    return (i) => {
      let score = 0;
      for (const { typed, any } of groups) {
        if (typed.has(i)) score += AS_TYPED;
        else if (any.has(i)) score += LOOSER;
      }
      return score;
    };
  }

  private remember(key: string, set: Bitset): void {
    this.textCache.set(key, set);
    if (this.textCache.size > TEXT_CACHE_ENTRIES) this.textCache.delete(this.textCache.keys().next().value!);
  }

  /** How many vocabulary phrases' matches are held (by entity and phrase). */
  get phrasesHeld(): number {
    return this.phraseSets.size + this.rarePhrases.size;
  }

  positionOfHole(id: number): number {
    return id >= 0 && id < this.holeIndex.length ? this.holeIndex[id]! : -1;
  }

  /** The positions of these ids (ids no longer there are skipped). */
  positions(entity: SearchEntity, ids: Iterable<number>): Bitset {
    return entity === 'borehole' ? this.holeSet(ids) : this.recordSet(ids);
  }

  private holeSet(ids: Iterable<number>): Bitset {
    const set = new Bitset(this.holes);
    for (const id of ids) {
      const i = this.positionOfHole(id);
      if (i >= 0) set.add(i);
    }
    return set;
  }

  private recordSet(ids: Iterable<number>): Bitset {
    const set = new Bitset(this.records);
    for (const id of ids) {
      const i = id >= 0 && id < this.recordIndex.length ? this.recordIndex[id]! : -1;
      if (i >= 0) set.add(i);
    }
    return set;
  }

  // ---- evaluation ------------------------------------------------------------------------------

  /** Boreholes matching the query and shown in the area. `texts` holds the engine's word matches. */
  holesMatching(node: QueryNode | null, area: SearchArea, texts: TextMatches): Bitset {
    const found = node ? this.holeCondition(node, texts) : Bitset.full(this.holes);
    return hasArea(area) ? found.and(this.areaHoles(area, texts)) : found;
  }

  private areaHoles(area: SearchArea, texts: TextMatches): Bitset {
    return (texts.areaResult ??= this.inArea(area));
  }

  /** Catalog records matching the query whose borehole is shown in the area. */
  recordsMatching(node: QueryNode | null, area: SearchArea, texts: TextMatches): Bitset {
    // The hole conditions of a top-level AND and the map area reach the records together, in one
    // pass from the few holes that meet them all.
    const parts = node === null ? [] : node.kind === 'and' ? node.children : [node];
    let holes: Bitset | undefined = hasArea(area) ? this.areaHoles(area, texts) : undefined;
    let found: Bitset | undefined;
    const negated: Bitset[] = [];
    for (const part of parts) {
      if (holeOnly(part)) {
        const set = this.holeCondition(part, texts);
        holes = holes ? holes.and(set) : set;
      } else if (part.kind === 'not' && holeOnly(part.child)) {
        // NOT of a hole condition keeps records without a borehole: decided below.
        negated.push(this.holeCondition(part.child, texts).not());
      } else {
        const set = this.recordCondition(part, texts);
        found = found ? found.and(set) : set;
      }
    }
    if (negated.length) {
      const kept = negated.reduce((a, b) => a.and(b));
      // When nothing else asks for a borehole, records without one stay.
      if (holes) holes = holes.and(kept);
      else return this.throughHole(kept, found, true);
    }
    return holes ? this.throughHole(holes, found, false) : (found ?? Bitset.full(this.records));
  }

  private scan(n: number, test: (i: number) => boolean): Bitset {
    const out = new Uint32Array((n + 31) >>> 5);
    for (let i = 0; i < n; i++) if (test(i)) out[i >>> 5]! |= 1 << (i & 31);
    return new Bitset(n, out);
  }

  /**
   * The bitsets of every code of the columns with few codes, every commodity and every sharing mode,
   * one pass per column, made with the snapshot so that no search pays for a first use (1–5 ms each
   * at national scale). Columns with many codes (custodians, at national scale) make theirs on use.
   */
  private indexCodes(): void {
    const columns: Array<[Uint16Array, number]> = [
      [this.province, this.provinces.values.length],
      [this.depositType, this.depositTypes.values.length],
      [this.coreClass, this.classes.values.length],
      [this.funding, this.fundings.values.length],
      [this.confidentiality, this.confidentialities.values.length],
      [this.custodian, this.custodians.length],
      [this.recordProvince, this.provinces.values.length],
      [this.recordMaterial, this.materialTypes.values.length],
      [this.recordCustodian, this.custodians.length],
    ];
    for (const [column, codes] of columns) {
      if (codes > EAGER_CODES) continue;
      const words = Array.from({ length: codes }, () => new Uint32Array((column.length + 31) >>> 5));
      for (let i = 0; i < column.length; i++) words[column[i]!]![i >>> 5]! |= 1 << (i & 31);
      this.codeSets.set(column, new Map(words.map((w, code) => [code, new Bitset(column.length, w)])));
    }
    const commodities = Array.from({ length: this.commodities.values.length }, () => new Bitset(this.holes));
    const { commodityStart: start, commodityCodes: codes } = this;
    for (let i = 0; i < this.holes; i++)
      for (let k = start[i]!; k < start[i + 1]!; k++) commodities[codes[k]!]!.add(i);
    this.commoditySets = commodities;
    const modes = SHARING_MODES.map(() => new Bitset(this.holes));
    for (let i = 0; i < this.holes; i++)
      for (let bit = 0, m = this.openModes[i]!; m !== 0; bit++, m >>>= 1) if (m & 1) modes[bit]!.add(i);
    this.modeSets = modes;
  }

  /**
   * Rows whose code is wanted: the OR of one bitset per code, each made by one pass the first time
   * it is asked and kept for the snapshot (a bitmap index built as searches need it).
   */
  private codes(column: Uint16Array, wanted: Uint8Array): Bitset {
    let sets = this.codeSets.get(column);
    if (!sets) this.codeSets.set(column, (sets = new Map()));
    let found = new Bitset(column.length);
    wanted.forEach((want, code) => {
      if (want !== 1) return;
      let set = sets.get(code);
      if (!set) {
        const out = new Uint32Array((column.length + 31) >>> 5);
        for (let i = 0; i < column.length; i++) if (column[i] === code) out[i >>> 5]! |= 1 << (i & 31);
        sets.set(code, (set = new Bitset(column.length, out)));
      }
      found = found.or(set);
    });
    return found;
  }

  /** Custodian codes of the column whose code or name (or level) is one of `values`. */
  private custodiansWhere(test: (c: Custodian) => boolean): Uint8Array {
    const table = new Uint8Array(this.custodians.length);
    this.custodians.forEach((c, code) => {
      if (c && test(c)) table[code] = 1;
    });
    return table;
  }

  private custodianTerm(field: 'custodian' | 'level', values: string[]): Uint8Array {
    const wanted = new Set(values);
    return field === 'level'
      ? this.custodiansWhere((c) => wanted.has(c.level))
      : this.custodiansWhere(
          (c) => wanted.has(c.code) || wanted.has(c.name_zh) || (c.name_en !== null && wanted.has(c.name_en)),
        );
  }

  private holeCondition(node: QueryNode, texts: TextMatches): Bitset {
    // A query's boreholes and its catalog records ask the same hole conditions: evaluate them once.
    let set = texts.holeResults.get(node);
    if (!set) texts.holeResults.set(node, (set = this.evaluateHoles(node, texts)));
    return set;
  }

  private evaluateHoles(node: QueryNode, texts: TextMatches): Bitset {
    switch (node.kind) {
      case 'and':
        return node.children
          .map((c) => this.holeCondition(c, texts))
          .reduce((a, b) => a.and(b), Bitset.full(this.holes));
      case 'or':
        return node.children
          .map((c) => this.holeCondition(c, texts))
          .reduce((a, b) => a.or(b), new Bitset(this.holes));
      case 'not':
        return this.holeCondition(node.child, texts).not();
      case 'text':
        return texts.get('borehole', node.text, this.holes);
      case 'prefix': {
        const prefix = node.text.toUpperCase();
        return this.scan(this.holes, this.holeIdUpper.startsWith(prefix));
      }
      case 'range':
        return this.holeRange(node);
      case 'term':
        return this.holeTerm(node.field, node.values);
    }
  }

  private holeTerm(field: Extract<QueryNode, { kind: 'term' }>['field'], values: string[]): Bitset {
    switch (field) {
      case 'province':
        return this.codes(this.province, this.provinces.wanted(values));
      case 'commodity': {
        const sets: Bitset[] = [];
        this.commodities.wanted(values).forEach((want, code) => {
          if (want === 1) sets.push(this.commoditySets[code]!);
        });
        return this.union(sets);
      }
      case 'type':
        return this.codes(this.depositType, this.depositTypes.wanted(depositTypeSpellings(values)));
      case 'class':
        return this.codes(this.coreClass, this.classes.wanted(values));
      case 'funding':
        return this.codes(this.funding, this.fundings.wanted(values));
      case 'confidentiality':
        return this.codes(this.confidentiality, this.confidentialities.wanted(values));
      case 'level':
      case 'custodian':
        return this.codes(this.custodian, this.custodianTerm(field, values));
      case 'material':
        return this.union(values.map((v) => this.materials.get(v)));
      case 'has':
        return this.union(values.map((v) => this.has.get(v)));
      case 'mode':
        return this.union(
          values
            // An unknown mode (index −1) has no set and finds nothing.
            .map((v) => this.modeSets[SHARING_MODES.indexOf(v as (typeof SHARING_MODES)[number])]),
        );
      case 'id':
        return this.scan(this.holes, this.holeIdText.isOneOf(values));
    }
  }

  private union(sets: Array<Bitset | undefined>): Bitset {
    return sets.reduce<Bitset>((a, b) => (b ? a.or(b) : a), new Bitset(this.holes));
  }

  private holeRange(node: Extract<QueryNode, { kind: 'range' }>): Bitset {
    if (node.field === 'year') {
      // As the SQL compares it: the ISO date text against the first and past-the-last year.
      const from =
        node.min === null
          ? null
          : String(node.minInclusive ? Math.ceil(node.min) : Math.floor(node.min) + 1).padStart(4, '0');
      const until =
        node.max === null
          ? null
          : String((node.maxInclusive ? Math.floor(node.max) : Math.ceil(node.max) - 1) + 1).padStart(4, '0');
      // Dates that begin with a four-digit year compare as that year; any other text as text.
      const years: NumberRange = {
        min: from === null ? null : Number(from),
        max: until === null ? null : Number(until),
        minInclusive: true,
        maxInclusive: false,
      };
      const found = this.drillYearRanges.rows(years);
      for (const i of this.oddDrillStarts) {
        const d = this.drillStarts.values[this.drillStart[i]!]!;
        if ((from === null || d >= from) && (until === null || d < until)) found.add(i);
      }
      return found;
    }
    return (node.field === 'depth' ? this.depthRanges : this.elevationRanges).rows(node);
  }

  /** Boreholes shown (published position) inside every part of the area. */
  private inArea(area: SearchArea): Bitset {
    const { shownLon: lon, shownLat: lat } = this;
    // One box that every part lies in: a cheap test before the polygon and the distance.
    let [minLon, minLat, maxLon, maxLat] = [-Infinity, -Infinity, Infinity, Infinity];
    const within = (box: readonly [number, number, number, number], margin = 0) => {
      minLon = Math.max(minLon, box[0] - margin);
      minLat = Math.max(minLat, box[1] - margin);
      maxLon = Math.min(maxLon, box[2] + margin);
      maxLat = Math.min(maxLat, box[3] + margin);
    };
    if (area.box) within(area.box);
    if (area.polygon) within(area.polygon.bbox);
    if (area.circle) within(area.circle.bbox, 0.2); // a pre-filter only: the distance decides
    const ring = area.polygon?.ring;
    const circle = area.circle;
    const out = new Uint32Array((this.holes + 31) >>> 5);
    // Only the grid cells the box touches are visited; holes without a position are in no cell.
    const { gridStart: start, gridHoles: holes } = this;
    const [col0, row0] = gridCell(Math.max(minLon, -180), Math.max(minLat, -90));
    const [col1, row1] = gridCell(Math.min(maxLon, 180), Math.min(maxLat, 90));
    for (let col = col0; col <= col1; col++)
      for (let cell = col * GRID_ROWS + row0; cell <= col * GRID_ROWS + row1; cell++)
        for (let k = start[cell]!; k < start[cell + 1]!; k++) {
          const i = holes[k]!;
          const x = lon[i]!;
          const y = lat[i]!;
          if (!(x >= minLon && x <= maxLon && y >= minLat && y <= maxLat)) continue;
          if (ring && !inPolygon(x, y, ring)) continue;
          if (circle && distanceKm(x, y, circle.lon, circle.lat) > circle.km) continue;
          out[i >>> 5]! |= 1 << (i & 31);
        }
    return new Bitset(this.holes, out);
  }

  /** Holes by 1° grid cell of their published position (CSR: cell c holds start[c] … start[c + 1]). */
  private buildGrid(): void {
    const cells = new Uint32Array(this.holes);
    const start = new Uint32Array(GRID_COLUMNS * GRID_ROWS + 1);
    const none = GRID_COLUMNS * GRID_ROWS;
    for (let i = 0; i < this.holes; i++) {
      const x = this.shownLon[i]!;
      const y = this.shownLat[i]!;
      const [col, row] = gridCell(x, y);
      cells[i] = x === x && y === y ? col * GRID_ROWS + row : none;
      if (cells[i] !== none) start[cells[i]! + 1]!++;
    }
    for (let c = 0; c < none; c++) start[c + 1]! += start[c]!;
    const holes = new Uint32Array(start[none]!);
    const fill = start.slice(0, none);
    for (let i = 0; i < this.holes; i++) if (cells[i] !== none) holes[fill[cells[i]!]!++] = i;
    this.gridStart = start;
    this.gridHoles = holes;
  }

  /**
   * Records whose borehole is in `holes` (records without one only when `orNoHole`), among `within`
   * when given. The cheapest of three ways: from the few holes through the reverse index, by testing
   * only the records already found, or one pass over every record.
   */
  private throughHole(holes: Bitset, within?: Bitset, orNoHole = false): Bitset {
    const out = new Uint32Array((this.records + 31) >>> 5);
    const holeWords = holes.words;
    const hole = this.recordHole;
    const keep = (i: number) => {
      const h = hole[i]!;
      if (h >= 0 ? (holeWords[h >>> 5]! >>> (h & 31)) & 1 : orNoHole) out[i >>> 5]! |= 1 << (i & 31);
    };
    // Costs in records visited (the reverse index holds about records / holes per hole).
    const filtering = within ? within.count() : Infinity;
    const reversing = orNoHole
      ? Infinity
      : (holes.count() * this.recordsOfHole.length) / Math.max(1, this.holes);
    if (filtering <= reversing && filtering < this.records) {
      within!.forEach(keep);
      return new Bitset(this.records, out);
    }
    if (reversing < this.records) {
      const { recordsOfHoleStart: start, recordsOfHole: list } = this;
      holes.forEach((h) => {
        for (let k = start[h]!; k < start[h + 1]!; k++) {
          const i = list[k]!;
          out[i >>> 5]! |= 1 << (i & 31);
        }
      });
    } else for (let i = 0; i < this.records; i++) keep(i);
    const through = new Bitset(this.records, out);
    return within ? through.and(within) : through;
  }

  private recordCondition(node: QueryNode, texts: TextMatches): Bitset {
    switch (node.kind) {
      case 'and':
        return node.children
          .map((c) => this.recordCondition(c, texts))
          .reduce((a, b) => a.and(b), Bitset.full(this.records));
      case 'or':
        return node.children
          .map((c) => this.recordCondition(c, texts))
          .reduce((a, b) => a.or(b), new Bitset(this.records));
      case 'not':
        return this.recordCondition(node.child, texts).not();
      case 'text':
        return texts.get('catalog_record', node.text, this.records);
      case 'term':
        switch (node.field) {
          case 'province':
            return this.codes(this.recordProvince, this.provinces.wanted(node.values));
          case 'material':
            return this.codes(this.recordMaterial, this.materialTypes.wanted(node.values));
          case 'custodian':
          case 'level':
            return this.codes(this.recordCustodian, this.custodianTerm(node.field, node.values));
          case 'commodity':
          case 'type':
          case 'class':
          case 'funding':
          case 'confidentiality':
          case 'has':
          case 'mode':
          case 'id':
            // What describes a hole is asked of the record's borehole.
            return this.throughHole(this.holeCondition(node, texts));
        }
        break;
      case 'range':
        if (node.field === 'year') return this.recordYearRanges.rows(node);
        return this.throughHole(this.holeCondition(node, texts));
      case 'prefix':
        return this.throughHole(this.holeCondition(node, texts));
    }
  }

  // ---- answers ---------------------------------------------------------------------------------

  /** Counts of one facet over the matching boreholes, as the SQL facets count them. */
  facet(facet: Facet, found: Bitset): FacetCount[] {
    /** Matching rows per code of a column, then labelled (codes without a label are dropped). */
    const perCode = (column: Uint16Array | Uint32Array, codes: number) => {
      const counts = new Float64Array(codes);
      found.forEach((i) => {
        counts[column[i]!]!++;
      });
      return counts;
    };
    const labelled = (counts: Float64Array, label: (code: number) => string | null | undefined) => {
      const totals = new Map<string, number>();
      counts.forEach((count, code) => {
        const value = count > 0 ? label(code) : null;
        if (value != null) totals.set(value, (totals.get(value) ?? 0) + count);
      });
      return byCount([...totals].map(([value, count]) => ({ value, count })));
    };
    const tally = (column: Uint16Array, dictionary: Dictionary) =>
      labelled(perCode(column, dictionary.values.length), (code) => dictionary.values[code]);
    switch (facet) {
      case 'province':
        return tally(this.province, this.provinces);
      case 'type':
        return tally(this.depositType, this.depositTypes);
      case 'class':
        return tally(this.coreClass, this.classes);
      case 'funding':
        return tally(this.funding, this.fundings);
      case 'custodian':
        return labelled(perCode(this.custodian, this.custodians.length), (c) => this.custodians[c]?.code);
      case 'level':
        return labelled(perCode(this.custodian, this.custodians.length), (c) => this.custodians[c]?.level);
      case 'commodity': {
        const counts = new Float64Array(this.commodities.values.length);
        const { commodityStart: start, commodityCodes: codes } = this;
        found.forEach((i) => {
          for (let k = start[i]!; k < start[i + 1]!; k++) counts[codes[k]!]!++;
        });
        const out: FacetCount[] = [];
        counts.forEach((count, code) => {
          if (count > 0) out.push({ value: this.commodities.values[code]!, count });
        });
        return byCount(out);
      }
      case 'depth': {
        const ends = DEPTH_BANDS.map(([, , to]) => to);
        const counts = new Float64Array(ends.length);
        const depth = this.depth;
        found.forEach((i) => {
          const d = depth[i]!;
          if (d !== d) return;
          let band = 0;
          while (d >= ends[band]!) band++;
          counts[band]!++;
        });
        return inFacetOrder(
          'depth',
          byCount(DEPTH_BANDS.map(([value], band) => ({ value, count: counts[band]! }))),
        );
      }
      case 'decade':
        // Per date first (a few thousand distinct ones), then per decade.
        return inFacetOrder(
          'decade',
          labelled(perCode(this.drillStart, this.drillStarts.values.length), (code) => {
            const d = this.drillStarts.values[code];
            return d == null ? null : decadeOf(d);
          }),
        );
      case 'has':
        return HAS_CODES.map((code) => ({
          value: code,
          count: this.has.get(code)?.and(found).count() ?? 0,
        })).filter((f) => f.count > 0);
      case 'mode': {
        const counts = new Float64Array(SHARING_MODE_CODES.length);
        found.forEach((i) => {
          const open = this.openModes[i]!;
          if (open) for (let bit = 0; bit < counts.length; bit++) if (open & (1 << bit)) counts[bit]!++;
        });
        return SHARING_MODE_CODES.map((value, bit) => ({ value, count: counts[bit]! })).filter(
          (f) => f.count > 0,
        );
      }
    }
  }

  /** The ids of a page of matching boreholes in `sort` order after `after`, with their sort keys. */
  page(
    found: Bitset,
    sort: SearchSort,
    after: SortPosition | null,
    limit: number,
    area: SearchArea,
    score?: (i: number) => number,
  ): Array<{ id: number; sort_key: number | string }> {
    const ids = this.holeIds;
    if (sort === 'id') {
      const out: Array<{ id: number; sort_key: number }> = [];
      const from = after ? firstAbove(ids, after.id) : 0;
      found.forEach((i) => {
        out.push({ id: ids[i]!, sort_key: ids[i]! });
        return out.length < limit;
      }, from);
      return out;
    }
    const { key, descending } = this.sortKey(sort, area, score);
    // The `limit` smallest (key, id) after the cursor, kept sorted; most rows fail the first test.
    const before = (ka: number | string, ia: number, kb: number | string, ib: number) =>
      descending ? ka > kb || (ka === kb && ia > ib) : ka < kb || (ka === kb && ia < ib);
    const best: Array<{ id: number; sort_key: number | string }> = [];
    found.forEach((i) => {
      const k = key(i);
      const id = ids[i]!;
      if (after && !before(after.key, after.id, k, id)) return;
      if (best.length === limit) {
        const last = best[limit - 1]!;
        if (!before(k, id, last.sort_key, last.id)) return;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && before(k, id, best[at - 1]!.sort_key, best[at - 1]!.id)) at--;
      best.splice(at, 0, { id, sort_key: k });
    });
    return best;
  }

  private sortKey(
    sort: Exclude<SearchSort, 'id'>,
    area: SearchArea,
    score: ((i: number) => number) | undefined,
  ): { key: (i: number) => number | string; descending: boolean } {
    const { depth, drillStart, shownLon, shownLat } = this;
    const dates = this.drillStarts.values;
    switch (sort) {
      case 'relevance':
        // Minus the score, ascending, as the SQL path orders: best first, then id order.
        return { key: (i) => 0 - (score?.(i) ?? 0), descending: false };
      case 'depth':
        return { key: (i) => (depth[i]! === depth[i]! ? depth[i]! : 1e300), descending: false };
      case '-depth':
        return { key: (i) => (depth[i]! === depth[i]! ? depth[i]! : -1e300), descending: true };
      case 'date':
        return { key: (i) => dates[drillStart[i]!] ?? '9999', descending: false };
      case '-date':
        return { key: (i) => dates[drillStart[i]!] ?? '0000', descending: true };
      case 'distance': {
        const centre = area.circle;
        if (!centre) throw new Error('sort by distance needs a centre (near=)');
        return {
          key: (i) =>
            shownLon[i]! === shownLon[i]!
              ? distanceKey(distanceKm(shownLon[i]!, shownLat[i]!, centre.lon, centre.lat))
              : 1e300,
          descending: false,
        };
      }
    }
  }

  /** The ids of the matching catalog records after `afterId`, ascending. */
  recordPage(found: Bitset, afterId: number, limit: number): number[] {
    const out: number[] = [];
    found.forEach(
      (i) => {
        out.push(this.recordIds[i]!);
        return out.length < limit;
      },
      firstAbove(this.recordIds, afterId),
    );
    return out;
  }

  /**
   * Matching boreholes in grid cells of `cell` degrees by published position, as the SQL groups
   * them: per cell the count, the mean position and the lowest id.
   */
  cells(found: Bitset, cell: number) {
    const cells = new Map<string, { n: number; lon: number; lat: number; first_id: number }>();
    const { shownLon: lon, shownLat: lat } = this;
    found.forEach((i) => {
      const x = lon[i]!;
      const y = lat[i]!;
      if (x !== x || y !== y) return;
      const key = `${Math.floor(x / cell)}:${Math.floor(y / cell)}`;
      const c = cells.get(key);
      if (c) {
        c.n++;
        c.lon += x;
        c.lat += y;
      } else cells.set(key, { n: 1, lon: x, lat: y, first_id: this.holeIds[i]! });
    });
    return [...cells.values()].map((c) => ({ ...c, lon: c.lon / c.n, lat: c.lat / c.n }));
  }
}

/** The map grid: 1° cells, columns from 180° W, rows from 90° S. */
const GRID_COLUMNS = 361;
const GRID_ROWS = 181;

function gridCell(lon: number, lat: number): [column: number, row: number] {
  return [
    Math.min(GRID_COLUMNS - 1, Math.max(0, Math.floor(lon + 180))),
    Math.min(GRID_ROWS - 1, Math.max(0, Math.floor(lat + 90))),
  ];
}

function hasArea(area: SearchArea): boolean {
  return area.box !== undefined || area.polygon !== undefined || area.circle !== undefined;
}

/** id → position in an ascending id column (-1: absent). */
function indexOf(ids: Int32Array): Int32Array<ArrayBuffer> {
  const maxId = ids.length ? ids[ids.length - 1]! : 0;
  const index = new Int32Array(maxId + 1).fill(-1);
  for (let i = 0; i < ids.length; i++) index[ids[i]!] = i;
  return index;
}

/** The first position whose id is greater than `id` in an ascending column. */
function firstAbove(ids: Int32Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function eligibleMask(r: {
  funding_source: string | null;
  ownership_dispute: number;
  core_class: string | null;
}): number {
  const facts = {
    funding_source: r.funding_source,
    ownership_dispute: r.ownership_dispute !== 0,
    core_class: r.core_class,
  } as SharingFacts;
  return eligibleModes(facts).reduce((mask, mode) => mask | (1 << SHARING_MODES.indexOf(mode)), 0);
}

/** The engine's word matches for a query's text nodes, fetched before the synchronous evaluation. */
export class TextMatches {
  private readonly sets = new Map<string, Bitset>();
  /** Per query: hole conditions already evaluated, and the map area's holes. */
  readonly holeResults = new Map<QueryNode, Bitset>();
  areaResult: Bitset | undefined;

  static async fetch(
    store: Store,
    columns: SearchColumns,
    node: QueryNode | null,
    entities: readonly SearchEntity[],
  ): Promise<TextMatches> {
    const matches = new TextMatches();
    const texts = new Set<string>();
    const walk = (n: QueryNode) => {
      if (n.kind === 'text') texts.add(n.text);
      else if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
      else if (n.kind === 'not') walk(n.child);
    };
    if (node) walk(node);
    await Promise.all(
      [...texts].flatMap((text) =>
        entities.map(async (entity) => {
          const key = `${entity}\u0000${text}`;
          matches.sets.set(key, await columns.words(store, entity, text));
        }),
      ),
    );
    return matches;
  }

  get(entity: SearchEntity, text: string, size: number): Bitset {
    return this.sets.get(`${entity}\u0000${text}`) ?? new Bitset(size);
  }
}

const PLACE_CHARACTERS = [
  '东',
  '西',
  '南',
  '北',
  '中',
  '大',
  '小',
  '上',
  '下',
  '新',
  '老',
  '山',
  '河',
  '江',
  '湖',
];

function phraseKey(entity: SearchEntity, phrase: MatchPhrase): string {
  return `${entity}\u0000${phrase.tokens.join(' ')}`;
}

/**
 * Phrases of the reference vocabulary (commodities, rocks, deposit types, provinces, core words, in
 * both languages): the words a search most often asks for and the ones that match the most records,
 * so their matches are read once per snapshot instead of once per search.
 */
function vocabularyPhrases(): MatchPhrase[] {
  const seen = new Map<string, MatchPhrase>();
  // Names of mines and deposits are written "<place><commodity>矿" (大冶铁矿): 铁矿 and 矿 are among
  // the most frequent words of all, and a query that names a mine asks for them; so are the
  // characters of direction and size that place names begin with (西华山, 大营).
  const terms = [
    ...PLACE_CHARACTERS,
    ...SYNONYM_SETS.flatMap((set) => [...set.terms, ...set.aliases]),
    ...COMMODITIES.map((c) => `${c.zh}矿`),
    '矿',
  ];
  for (const term of terms)
    for (const group of queryGroups(term))
      for (const phrase of group) if (!phrase.prefix) seen.set(phrase.tokens.join(' '), phrase);
  return [...seen.values()];
}

/** The current columns of a store, rebuilt when its search epoch moves. */
class ColumnsCache {
  private columns: SearchColumns | undefined;
  private building: Promise<SearchColumns> | undefined;
  enabled = true;
  private smallAtFirst: boolean | undefined;
  /** Whether builds hold the vocabulary phrases (undefined: the frequent ones, on large stores). */
  vocabulary: boolean | undefined;

  constructor(private readonly store: Store) {}

  private build(): Promise<SearchColumns> {
    return (this.building ??= SearchColumns.read(this.store, { vocabulary: this.vocabulary })
      .then((c) => (this.columns = c))
      .finally(() => (this.building = undefined)));
  }

  /** Columns valid for the store as it is now, or undefined while a large rebuild runs. */
  async current(): Promise<SearchColumns | undefined> {
    if (!this.enabled) return undefined;
    const epoch = await searchColumnsRepository(this.store.db).epoch();
    if (this.columns?.epoch === epoch) return this.columns;
    // Counted once, before the first snapshot; afterwards the snapshot knows its size. A search
    // during a large first build must not count a million rows again.
    const small =
      this.columns !== undefined
        ? this.columns.holes < BUILD_INLINE_BELOW
        : (this.smallAtFirst ??=
            (await searchColumnsRepository(this.store.db).holeCount()) < BUILD_INLINE_BELOW);
    const built = this.build();
    if (!small) {
      built.catch(() => undefined); // the SQL path answers meanwhile; the next request tries again
      return undefined;
    }
    const columns = await built;
    return columns.epoch === epoch ? columns : undefined;
  }

  /** Drops the remembered word matches (the benchmark measures them read afresh). */
  forgetWords(): void {
    this.columns?.forgetWords();
  }

  /** Waits for a build of the current epoch: benchmarks and tests call it after a load. */
  async ready(): Promise<void> {
    for (let tries = 0; tries < 3; tries++) {
      const epoch = await searchColumnsRepository(this.store.db).epoch();
      if (this.columns?.epoch === epoch) return;
      await this.build();
    }
  }
}

const caches = new WeakMap<Store, ColumnsCache>();

export function searchColumns(store: Store): ColumnsCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new ColumnsCache(store)));
  return cache;
}
