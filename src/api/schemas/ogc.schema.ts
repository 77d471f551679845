// Response schemas of the OGC API – Features resources (OGC 17-069r4 §7 and its JSON schemas), kept
// inline per route so the OpenAPI document describes each collection's own feature properties.
import { Type, type TObject } from '@sinclair/typebox';
import { Nullable } from './common.schema.js';

const Str = Nullable(Type.String());
const Num = Nullable(Type.Number());

export const Link = Type.Object({
  href: Type.String(),
  rel: Type.String(),
  type: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
});

export const LandingPage = Type.Object({
  title: Type.String(),
  description: Type.String(),
  links: Type.Array(Link),
});

export const Conformance = Type.Object({ conformsTo: Type.Array(Type.String()) });

export const Collection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  itemType: Type.String(),
  crs: Type.Array(Type.String()),
  extent: Type.Object({
    spatial: Type.Object({
      bbox: Type.Array(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 })),
      crs: Type.String(),
    }),
  }),
  links: Type.Array(Link),
});

export const Collections = Type.Object({ links: Type.Array(Link), collections: Type.Array(Collection) });

const Point = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2, description: '[lon, lat], CRS84' }),
});

const coarsened = Type.Boolean({
  description: 'true where a classified position was coarsened to the centre of its 0.1° cell',
});

export const BoreholeProperties = Type.Object({
  hole_id: Type.String(),
  dataset: Type.String(),
  name: Type.String(),
  province_code: Str,
  total_depth: Num,
  core_class: Str,
  commodities: Type.Array(Type.String()),
  deposit_name: Str,
  drill_start: Nullable(Type.String({ description: 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as known' })),
  custodian_code: Str,
  coordinates_coarsened: coarsened,
});

export const CatalogProperties = Type.Object({
  record_no: Type.String(),
  title_zh: Type.String(),
  title_en: Str,
  material_type: Type.String(),
  province_code: Str,
  quantity: Num,
  unit: Str,
  year: Nullable(Type.Integer()),
  description: Str,
  custodian_code: Str,
  borehole_id: Nullable(Type.String({ description: 'public id of the borehole the material comes from' })),
  coordinates_coarsened: coarsened,
});

export function Feature<P extends TObject>(properties: P) {
  return Type.Object({
    type: Type.Literal('Feature'),
    id: Type.String({ description: 'stable public id' }),
    geometry: Nullable(Point),
    properties,
    links: Type.Optional(Type.Array(Link)),
  });
}

export function FeatureCollection<P extends TObject>(properties: P) {
  return Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Feature(properties)),
    links: Type.Array(Link),
    timeStamp: Type.String({ format: 'date-time' }),
    numberMatched: Type.Integer({ minimum: 0 }),
    numberReturned: Type.Integer({ minimum: 0 }),
  });
}
