import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api-client.js';
import { circleRing, distanceKm, boundsOf } from '../../web/src/features/map/utils/area-geometry.js';
import {
  initialView,
  listHref,
  mapSearchHref,
  parseMapSearch,
  searchedArea,
  withArea,
  withQuery,
  withView,
  type MapSearchState,
} from '../../web/src/features/map/utils/map-search-location.js';
import {
  areaFeatures,
  polygonDraftFeatures,
  resultFeatures,
} from '../../web/src/features/map/utils/search-features.js';
import { describeArea } from '../../web/src/features/search/utils/describe-area.js';
import {
  addTerm,
  facetTerm,
  facetValueLabel,
  hasTerm,
  removeTerm,
  toggleTerm,
} from '../../web/src/features/search/utils/facet-terms.js';
import { areaFaultOf, queryFaultOf } from '../../web/src/features/search/utils/query-fault.js';
import {
  formatNear,
  parseNear,
  polygonToWkt,
  polygonVertices,
  type LonLat,
} from '../../web/src/features/search/utils/search-area.js';
import {
  firstPage,
  mapHref,
  nextPage,
  parseSearchLocation,
  searchHref,
} from '../../web/src/features/search/utils/search-location.js';

const WKT = 'POLYGON((90 29, 92 29, 92 31, 90 29))';
const state = (fields: Partial<MapSearchState>): MapSearchState => ({
  q: '',
  mode: 'view',
  camera: null,
  ...fields,
});
const query = (href: string): string => href.slice(href.indexOf('?'));

describe('map search state in the URL', () => {
  it('reads the query, the mode, its shape and the camera', () => {
    expect(parseMapSearch('')).toEqual(state({}));
    expect(parseMapSearch('?q=%E9%93%9C&bbox=90,28,95,32&center=92.5,30&zoom=6.25')).toEqual(
      state({ q: '铜', bbox: '90,28,95,32', camera: { lon: 92.5, lat: 30, zoom: 6.25 } }),
    );
    // A shape alone says which mode; `area` names it where it does not.
    expect(parseMapSearch(`?polygon=${encodeURIComponent(WKT)}`)).toEqual(
      state({ mode: 'polygon', polygon: WKT }),
    );
    expect(parseMapSearch('?near=91,29.6,50')).toEqual(state({ mode: 'radius', near: '91,29.6,50' }));
    expect(parseMapSearch('?area=anywhere&q=gold')).toEqual(state({ mode: 'anywhere', q: 'gold' }));
    expect(parseMapSearch('?area=polygon')).toEqual(state({ mode: 'polygon' }));
  });

  it('keeps only the shape of the mode in use and ignores what it cannot read', () => {
    expect(parseMapSearch('?area=view&bbox=1,2,3,4&polygon=x&near=1,2,3')).toEqual(
      state({ bbox: '1,2,3,4' }),
    );
    expect(parseMapSearch('?area=anywhere&bbox=1,2,3,4')).toEqual(state({ mode: 'anywhere' }));
    expect(parseMapSearch('?area=sideways').mode).toBe('view');
    for (const camera of [
      'center=1&zoom=3',
      'center=200,0&zoom=3',
      'center=1,2&zoom=',
      'center=1,2,3&zoom=4',
      'center=a,b&zoom=1',
      'center=1,2&zoom=30',
    ])
      expect(parseMapSearch(`?${camera}`).camera, camera).toBeNull();
  });

  it('writes URLs that read back to the same state', () => {
    for (const s of [
      state({}),
      state({
        q: '铜 省:西藏 深度>800',
        bbox: '90.12345,28,95,32.5',
        camera: { lon: 92.5, lat: 30, zoom: 6.25 },
      }),
      state({ mode: 'polygon', polygon: WKT, camera: { lon: -70.5, lat: -33.25, zoom: 0 } }),
      state({ mode: 'polygon' }),
      state({ mode: 'radius', near: '91,29.6,50', q: '"甲玛" OR id:ZK16*' }),
      state({ mode: 'radius' }),
      state({ mode: 'anywhere', q: 'gold' }),
    ]) {
      const href = mapSearchHref(s);
      expect(href === '/' || href.startsWith('/?'), href).toBe(true);
      expect(parseMapSearch(query(href)), href).toEqual(s);
    }
    expect(mapSearchHref(state({}))).toBe('/');
  });

  it('names the mode only when the shape does not, and keeps parameters it does not own', () => {
    expect(mapSearchHref(state({ mode: 'radius', near: '1,2,3' }))).toBe('/?near=1%2C2%2C3');
    expect(mapSearchHref(state({ mode: 'radius' }))).toBe('/?area=radius');
    expect(mapSearchHref(state({ mode: 'anywhere' }))).toBe('/?area=anywhere');
    expect(mapSearchHref(state({ q: 'x' }), '?lang=en&q=old&polygon=p&zoom=3')).toBe('/?lang=en&q=x');
  });

  it('rounds the camera to what the URL needs', () => {
    const href = mapSearchHref(state({ camera: { lon: 104.123456789, lat: 35.987654321, zoom: 3.14159 } }));
    expect(new URLSearchParams(query(href)).get('center')).toBe('104.12346,35.98765');
    expect(new URLSearchParams(query(href)).get('zoom')).toBe('3.14');
  });

  it('searches the shape of the mode, nothing before it is drawn, everything anywhere', () => {
    expect(searchedArea(state({ bbox: '1,2,3,4' }))).toEqual({ bbox: '1,2,3,4' });
    expect(searchedArea(state({}))).toBeNull();
    expect(searchedArea(state({ mode: 'polygon' }))).toBeNull();
    expect(searchedArea(state({ mode: 'polygon', polygon: WKT }))).toEqual({ polygon: WKT });
    expect(searchedArea(state({ mode: 'radius', near: '1,2,3' }))).toEqual({ near: '1,2,3' });
    expect(searchedArea(state({ mode: 'anywhere' }))).toEqual({});
  });

  it('opens the same search as a list, and the list opens it on the map again', () => {
    const drawn = state({ q: '铜', mode: 'polygon', polygon: WKT, camera: { lon: 91, lat: 30, zoom: 6 } });
    const list = listHref(drawn)!;
    expect(list).toBe(`/search?${new URLSearchParams({ q: '铜', polygon: WKT }).toString()}`);
    const location = parseSearchLocation(query(list));
    expect(location).toEqual({ q: '铜', cursors: [], polygon: WKT });
    expect(parseMapSearch(query(mapHref(location)))).toEqual({ ...drawn, camera: null });
    expect(listHref(state({ mode: 'polygon' }))).toBeNull();
    expect(listHref(state({ mode: 'anywhere', q: 'gold' }))).toBe('/search?q=gold');
  });

  it('changes one thing at a time', () => {
    const s = state({ q: 'gold', mode: 'radius', near: '1,2,3', camera: { lon: 1, lat: 2, zoom: 3 } });
    expect(withQuery(s, '  copper ')).toEqual({ ...s, q: 'copper' });
    expect(withArea(s, 'polygon')).toEqual(state({ q: 'gold', mode: 'polygon', camera: s.camera }));
    expect(withArea(s, 'polygon', { polygon: WKT, near: '9,9,9' })).toEqual(
      state({ q: 'gold', mode: 'polygon', polygon: WKT, camera: s.camera }),
    );
    const camera = { lon: 5, lat: 6, zoom: 7 };
    // Moving the map moves the searched box only in the view mode.
    expect(withView(s, camera, [1, 2, 3, 4])).toEqual({ ...s, camera });
    expect(withView(state({ bbox: '0,0,1,1' }), camera, [90.123456, 28, 95, 32.5])).toEqual(
      state({ bbox: '90.12346,28,95,32.5', camera }),
    );
  });

  it('opens the map at the URL camera, else around the shape, else on China', () => {
    const camera = { lon: 91, lat: 30, zoom: 6 };
    expect(initialView(state({ camera, mode: 'polygon', polygon: WKT }))).toEqual({ camera });
    expect(initialView(state({ mode: 'polygon', polygon: WKT }))).toEqual({ bounds: [90, 29, 92, 31] });
    expect(initialView(state({ bbox: '90,28,95,32' }))).toEqual({ bounds: [90, 28, 95, 32] });
    const around = initialView(state({ mode: 'radius', near: '91,30,100' }));
    expect('bounds' in around && around.bounds[0]).toBeLessThan(91);
    expect(initialView(state({}))).toEqual({ camera: { lon: 104.5, lat: 35.5, zoom: 3.3 } });
  });
});

describe('search page location with an area', () => {
  it('carries the area through pages and drops it on request', () => {
    const location = parseSearchLocation('?q=gold&near=91,29,50&cursor=c1');
    expect(location).toEqual({ q: 'gold', cursors: ['c1'], near: '91,29,50' });
    expect(parseSearchLocation(query(searchHref(nextPage(location, 'c2'))))).toEqual({
      ...location,
      cursors: ['c1', 'c2'],
    });
    expect(firstPage(location)).toEqual({ q: 'gold', cursors: [], near: '91,29,50' });
    expect(searchHref(firstPage(location, { withArea: false }))).toBe('/search?q=gold');
    expect(mapHref(location)).toBe('/?q=gold&near=91%2C29%2C50');
  });
});

describe('shapes as text', () => {
  it('writes a drawn polygon as closed WKT with rounded coordinates', () => {
    const vertices: LonLat[] = [
      [91.123456789, 29.5],
      [92, 29.987654321],
      [91.5, 30.5],
    ];
    expect(polygonToWkt(vertices)).toBe('POLYGON((91.12346 29.5, 92 29.98765, 91.5 30.5, 91.12346 29.5))');
    // Already closed: not closed twice.
    expect(polygonToWkt([...vertices, vertices[0]!])).toBe(polygonToWkt(vertices));
  });

  it('reads WKT and GeoJSON polygons back as the vertices drawn', () => {
    expect(polygonVertices(WKT)).toEqual([
      [90, 29],
      [92, 29],
      [92, 31],
    ]);
    expect(polygonVertices(' polygon ( ( 90 29,92 29 , 92 31 ) ) ')).toEqual([
      [90, 29],
      [92, 29],
      [92, 31],
    ]);
    const geojson = {
      type: 'Polygon',
      coordinates: [
        [
          [90, 29],
          [92, 29],
          [92, 31],
          [90, 29],
        ],
      ],
    };
    expect(polygonVertices(JSON.stringify(geojson))).toEqual(polygonVertices(WKT));
    expect(polygonVertices(JSON.stringify({ type: 'Feature', geometry: geojson }))).toEqual(
      polygonVertices(WKT),
    );
    for (const junk of [
      '',
      'POLYGON((90 29, 92))',
      'POINT(1 2)',
      '{"type":"Point"}',
      '{nope',
      'POLYGON((1 2),(3 4))',
    ])
      expect(polygonVertices(junk), junk).toBeNull();
  });

  it('writes and reads a radius', () => {
    expect(formatNear({ lon: 91.1234567, lat: 29.6, km: 12.3456 })).toBe('91.12346,29.6,12.35');
    expect(parseNear('91.1,29.6,50')).toEqual({ lon: 91.1, lat: 29.6, km: 50 });
    expect(parseNear('91,29')).toBeNull();
    expect(parseNear('a,b,c')).toBeNull();
  });
});

describe('circle approximation', () => {
  const circle = { lon: 91.1, lat: 29.65, km: 50 };

  it('is a closed ring of points at the radius on the server’s sphere', () => {
    const ring = circleRing(circle, 64);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    for (const point of ring) expect(distanceKm([circle.lon, circle.lat], point)).toBeCloseTo(50, 6);
    // North first, then clockwise: east of the centre a quarter of the way round.
    expect(ring[0]![0]).toBeCloseTo(91.1, 9);
    expect(ring[0]![1]).toBeGreaterThan(29.65);
    expect(ring[16]![0]).toBeGreaterThan(91.1);
  });

  it('is wider in longitude than in latitude away from the equator, as on the ground', () => {
    const [west, south, east, north] = boundsOf(circleRing(circle, 360))!;
    expect(north - south).toBeCloseTo((2 * 50 * 180) / (Math.PI * 6370.986), 3);
    expect((east - west) / (north - south)).toBeCloseTo(1 / Math.cos((29.65 * Math.PI) / 180), 2);
  });

  it('measures distances like the server (haversine)', () => {
    expect(distanceKm([0, 0], [0, 1])).toBeCloseTo((Math.PI * 6370.986) / 180, 9);
    expect(distanceKm([116.4, 39.9], [121.47, 31.23])).toBeCloseTo(1067, -1);
  });
});

describe('drawn features', () => {
  it('draws the committed shape of the mode', () => {
    expect(areaFeatures({ mode: 'polygon', polygon: WKT }).features[0]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [90, 29],
          [92, 29],
          [92, 31],
          [90, 29],
        ],
      ],
    });
    const circle = areaFeatures({ mode: 'radius', near: '91,30,10' }).features;
    expect(circle.map((f) => f.geometry.type)).toEqual(['Polygon', 'Point']);
    expect(areaFeatures({ mode: 'view', polygon: WKT }).features).toEqual([]);
    expect(areaFeatures({ mode: 'polygon', polygon: 'nonsense' }).features).toEqual([]);
  });

  it('shows a polygon in progress closing back to its first vertex, which is marked', () => {
    const draft = polygonDraftFeatures(
      [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
      [0, 1],
    ).features;
    expect(draft[0]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    });
    expect(draft.slice(1).map((f) => f.properties.first)).toEqual([true, false, false]);
    expect(polygonDraftFeatures([], [1, 1]).features).toEqual([]);
  });

  it('rings only results that have a position, marking the one picked', () => {
    const hole = (id: string, lon: number | null) => ({
      id,
      hole_id: id,
      dataset: 'd',
      name: id,
      province_code: null,
      lon,
      lat: lon,
      coordinates_coarsened: false,
      total_depth: null,
      core_class: 'I',
      commodities: [],
      deposit_name: null,
      custodian_code: null,
    });
    const features = resultFeatures([hole('a', 1), hole('b', null), hole('c', 2)], 'c').features;
    expect(features.map((f) => [f.properties.id, f.properties.selected])).toEqual([
      ['a', false],
      ['c', true],
    ]);
  });
});

describe('facet values as query terms', () => {
  it('writes field:value with the facet name as the field', () => {
    expect(facetTerm('province', '540000')).toBe('province:540000');
    expect(facetTerm('commodity', 'Cu')).toBe('commodity:Cu');
    expect(facetTerm('class', 'II')).toBe('class:II');
    expect(facetTerm('has', 'images')).toBe('has:images');
    expect(facetTerm('mode', 'public_welfare')).toBe('mode:public_welfare');
    expect(facetTerm('custodian', 'ORG-620000-02')).toBe('custodian:ORG-620000-02');
    // Values that would not read back bare are quoted.
    expect(facetTerm('custodian', '自然资源 实物地质资料中心')).toBe('custodian:"自然资源 实物地质资料中心"');
    expect(facetTerm('commodity', 'a,b')).toBe('commodity:"a,b"');
    expect(facetTerm('commodity', 'say "x"')).toBe('commodity:"say \\"x\\""');
    expect(facetTerm('province', '')).toBeNull();
  });

  it('turns depth bands into the comparisons that count them (lower end in, upper end out)', () => {
    expect(facetTerm('depth', '500-1000')).toBe('depth>=500 depth<1000');
    expect(facetTerm('depth', '0-100')).toBe('depth>=0 depth<100');
    expect(facetTerm('depth', '2000+')).toBe('depth>=2000');
    expect(facetTerm('depth', 'deep')).toBeNull();
  });

  it('turns decades into year ranges', () => {
    expect(facetTerm('decade', '1990s')).toBe('year:1990..1999');
    expect(facetTerm('decade', '2020s')).toBe('year:2020..2029');
    expect(facetTerm('decade', '199s')).toBeNull();
  });

  it('adds a term once, after the query, bracketing a query with OR at the top', () => {
    expect(addTerm('', 'province:540000')).toBe('province:540000');
    expect(addTerm('  铜 ', 'province:540000')).toBe('铜 province:540000');
    expect(addTerm('铜 province:540000', 'province:540000')).toBe('铜 province:540000');
    expect(addTerm('铜 OR 金', 'class:I')).toBe('(铜 OR 金) class:I');
    expect(addTerm('铜 或 金', 'class:I')).toBe('(铜 或 金) class:I');
    expect(addTerm('铜||金', 'class:I')).toBe('(铜||金) class:I');
    expect(addTerm('(a)or(b)', 'class:I')).toBe('((a)or(b)) class:I');
    // "or" inside a word is not an operator.
    expect(addTerm('ore', 'class:I')).toBe('ore class:I');
  });

  it('finds and removes a term only where it stands whole', () => {
    expect(hasTerm('铜 province:540000', 'province:540000')).toBe(true);
    expect(hasTerm('铜 province:5400001', 'province:540000')).toBe(false);
    expect(hasTerm('铜 -province:540000', 'province:540000')).toBe(false);
    expect(removeTerm('province:540000 铜 province:540000', 'province:540000')).toBe('铜');
    expect(removeTerm('铜 depth>=500 depth<1000 class:I', 'depth>=500 depth<1000')).toBe('铜 class:I');
    expect(toggleTerm('铜', 'class:I')).toBe('铜 class:I');
    expect(toggleTerm('铜 class:I', 'class:I')).toBe('铜');
  });

  it('labels facet values in the reader’s language, codes nobody named as sent', () => {
    expect(facetValueLabel('province', '540000', 'zh')).toBe('西藏自治区');
    expect(facetValueLabel('commodity', 'Cu', 'en')).toBe('Copper');
    expect(facetValueLabel('class', 'II', 'zh')).toBe('Ⅱ类');
    expect(facetValueLabel('has', 'spectra', 'en')).toBe('Spectral scans');
    expect(facetValueLabel('custodian', 'NGAC', 'zh')).toBe('NGAC');
  });
});

describe('area faults', () => {
  const problem = (field: string, extra: object = {}) =>
    new ApiError(400, {
      status: 400,
      errors: [{ field, message: 'the polygon intersects itself', ...extra }],
    });

  it('names the shape the server refused, in the reader’s language where the server wrote it', () => {
    expect(areaFaultOf(problem('polygon'), 'zh')).toEqual({
      field: 'polygon',
      message: 'the polygon intersects itself',
    });
    expect(areaFaultOf(problem('near', { message_zh: '半径超出范围' }), 'zh')).toEqual({
      field: 'near',
      message: '半径超出范围',
    });
    expect(areaFaultOf(problem('near', { message_zh: '半径超出范围' }), 'en')?.message).toBe(
      'the polygon intersects itself',
    );
    expect(areaFaultOf(problem('bbox'), 'en')?.field).toBe('bbox');
  });

  it('leaves query faults and other errors alone', () => {
    expect(areaFaultOf(problem('q'), 'zh')).toBeNull();
    expect(queryFaultOf(problem('polygon'), 'zh')).toBeNull();
    expect(areaFaultOf(new ApiError(500, { status: 500 }), 'zh')).toBeNull();
    expect(areaFaultOf(new Error('x'), 'zh')).toBeNull();
  });
});

describe('describeArea', () => {
  it('says which area a search is limited to', () => {
    expect(describeArea({ polygon: WKT }, 'zh')).toBe('绘制的多边形（3 个顶点）');
    expect(describeArea({ polygon: 'nonsense' }, 'en')).toBe('a drawn polygon');
    expect(describeArea({ near: '91.1,29.65,50' }, 'en')).toBe(
      'within 50 km of longitude 91.1, latitude 29.65',
    );
    expect(describeArea({ bbox: '90,28,95.5,32' }, 'en')).toBe(
      'the map view (longitude 90 to 95.5, latitude 28 to 32)',
    );
    expect(describeArea({}, 'zh')).toBeNull();
  });
});
