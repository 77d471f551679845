// Writes bench/search-queries.json: the fixed, committed query set of `npm run bench:search`, built
// deterministically from the China reference data the demo dataset is generated from (real deposit
// names, provinces, commodities, deposit types). Run again only to change the set on purpose:
// node --import tsx bench/search-queries.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMMODITIES, DEPOSIT_TYPES, FAMOUS_DEPOSITS, PROVINCES } from '../src/domain/china.js';

export interface BenchQuery {
  class: 'keyword' | 'bbox' | 'keyword+bbox+facets' | 'language' | 'polygon' | 'radius';
  q?: string;
  bbox?: string;
  /** WKT, as a drawn area is sent. */
  polygon?: string;
  /** lon,lat,km */
  near?: string;
}

/** A tiny deterministic generator (mulberry32): the same set on every machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildQueries(): BenchQuery[] {
  const rnd = random(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const box = (lon: number, lat: number, half: number) =>
    [lon - half, lat - half, lon + half, lat + half].map((n) => n.toFixed(3)).join(',');
  const queries: BenchQuery[] = [];
  for (let i = 0; i < 50; i++) {
    const d = pick(FAMOUS_DEPOSITS);
    const c = pick(COMMODITIES);
    const kinds = [
      () => d.name,
      () => d.name.slice(2, 4),
      () => c.zh,
      () => c.en,
      () => `${pick(DEPOSIT_TYPES).zh.replace(/型$/, '')}${c.zh}矿`,
      () => `"${d.name.slice(0, 4)}"`,
      () => `${c.en} ${pick(PROVINCES).en.replace(/\s*\(.*\)$/, '')}`,
    ];
    queries.push({ class: 'keyword', q: pick(kinds)() });
  }
  for (let i = 0; i < 50; i++) {
    const d = pick(FAMOUS_DEPOSITS);
    queries.push({ class: 'bbox', bbox: box(d.lon, d.lat, pick([0.05, 0.2, 0.5, 1, 2])) });
  }
  for (let i = 0; i < 50; i++) {
    const d = pick(FAMOUS_DEPOSITS);
    const c = COMMODITIES.find((x) => x.code === d.commodities[0]) ?? pick(COMMODITIES);
    queries.push({
      class: 'keyword+bbox+facets',
      q: `${pick([c.zh, c.en])} 类别:${pick(['I', 'II', 'III'])} 资金:${pick(['中央财政', '地方财政', '企业', '自筹'])}`,
      bbox: box(d.lon, d.lat, pick([0.5, 1, 3])),
    });
  }
  for (let i = 0; i < 50; i++) {
    const p = pick(PROVINCES);
    const c = pick(COMMODITIES);
    const depth = pick([200, 500, 800, 1000, 1500]);
    const kinds = [
      () => `${c.zh} 省:${p.short} 深度>${depth} 类别:I`,
      () => `commodity:${c.code} depth:${depth}..${depth * 2} class:II`,
      () => `省:${p.short} 年份:${1960 + Math.floor(rnd() * 50)}..${2000 + Math.floor(rnd() * 20)}`,
      () => `(${c.zh} OR ${pick(COMMODITIES).zh}) NOT 类别:III 深度<${depth}`,
      () => `province:${p.code} has:lithology mode:public`,
    ];
    queries.push({ class: 'language', q: pick(kinds)() });
  }
  // Drawn areas: an irregular pentagon around a deposit, half of them with a keyword too.
  for (let i = 0; i < 25; i++) {
    const d = pick(FAMOUS_DEPOSITS);
    const r = pick([0.1, 0.3, 1, 2]);
    const ring = [0, 1, 2, 3, 4].map((k) => {
      const a = (k / 5) * 2 * Math.PI;
      const f = 0.6 + 0.4 * rnd();
      return `${(d.lon + r * f * Math.cos(a)).toFixed(4)} ${(d.lat + r * f * Math.sin(a)).toFixed(4)}`;
    });
    const c = COMMODITIES.find((x) => x.code === d.commodities[0]) ?? pick(COMMODITIES);
    queries.push({
      class: 'polygon',
      polygon: `POLYGON((${[...ring, ring[0]].join(', ')}))`,
      ...(i % 2 === 0 && { q: c.zh }),
    });
  }
  // A radius around a point near a deposit, half of them with a keyword too.
  for (let i = 0; i < 25; i++) {
    const d = pick(FAMOUS_DEPOSITS);
    const c = pick(COMMODITIES);
    queries.push({
      class: 'radius',
      near: `${(d.lon + (rnd() - 0.5) * 0.2).toFixed(4)},${(d.lat + (rnd() - 0.5) * 0.2).toFixed(4)},${pick([5, 20, 50, 150])}`,
      ...(i % 2 === 1 && { q: c.en }),
    });
  }
  return queries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('./search-queries.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(buildQueries(), null, 1)}\n`);
  process.stdout.write(`wrote ${out}\n`);
}
