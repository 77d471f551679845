import { Type } from '@sinclair/typebox';
import { Nullable, NullableInput } from './common.schema.js';
import { SHARING_MODES } from '../../domain/sharing-modes.js';
import { AUDIENCES, FEE_KINDS } from '../../domain/sharing/eligibility.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const Offer = Type.Object(
  {
    id: Type.String(),
    custodian_code: Type.String(),
    scope: literals(['borehole', 'collection'] as const),
    borehole_id: Nullable(Type.String()),
    hole_id: Nullable(Type.String()),
    depth_from: Nullable(Type.Number()),
    depth_to: Nullable(Type.Number()),
    dataset: Nullable(Type.String()),
    modes: Type.Array(literals(SHARING_MODES)),
    audience: Type.String(),
    organisations: Type.Array(Type.String()),
    fee_kind: Type.String(),
    fee_amount: Nullable(Type.Number({ description: 'yuan' })),
    conditions_zh: Nullable(Type.String()),
    conditions_en: Nullable(Type.String()),
    created_at: Type.String(),
    updated_at: Type.String(),
    withdrawn_at: Nullable(Type.String()),
  },
  { $id: 'Offer' },
);

/** The terms of an offer, as written by its holder. */
export const OfferTerms = {
  depth_from: Type.Optional(NullableInput(Type.Number({ minimum: 0 }))),
  depth_to: Type.Optional(NullableInput(Type.Number({ minimum: 0 }))),
  dataset: Type.Optional(NullableInput(Type.String({ maxLength: 100 }))),
  modes: Type.Array(literals(SHARING_MODES), { maxItems: 6 }),
  audience: literals(AUDIENCES),
  organisations: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 })),
  fee_kind: literals(FEE_KINDS),
  fee_amount: Type.Optional(NullableInput(Type.Number({ minimum: 0 }))),
  conditions_zh: Type.Optional(NullableInput(Type.String({ maxLength: 4000 }))),
  conditions_en: Type.Optional(NullableInput(Type.String({ maxLength: 4000 }))),
};
