import { Type } from '@sinclair/typebox';
import { Nullable, NullableInput } from './common.schema.js';
import { SHARING_MODES } from '../../domain/sharing-modes.js';
import { PURPOSES } from '../../domain/sharing/eligibility.js';
import {
  PARTIES,
  REQUEST_ACTIONS,
  REQUEST_KINDS,
  REQUEST_STATES,
} from '../../domain/sharing/request-workflow.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const CutSchema = Type.Object({
  depth_from: Type.Number({ minimum: 0 }),
  depth_to: Type.Number({ minimum: 0 }),
  fraction: Type.Number({
    exclusiveMinimum: 0,
    maximum: 1,
    description: 'share of the cross-section, e.g. 0.25 for a quarter core',
  }),
});

const requestFields = {
  id: Type.String(),
  kind: Type.String(),
  mode: Type.String(),
  purpose: Type.String(),
  international: Type.Boolean(),
  state: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  borehole: Type.Object({ id: Type.String(), hole_id: Type.String(), name: Type.String() }),
  depth_from: Nullable(Type.Number()),
  depth_to: Nullable(Type.Number()),
  custodian: Type.Object({ code: Type.String(), name_zh: Type.String(), name_en: Nullable(Type.String()) }),
  requester: Type.Object({ id: Type.String(), name: Type.String(), organisation: Type.String() }),
  owner_organisation: Nullable(Type.String()),
  offer_id: Nullable(Type.String()),
  permit_required: Type.Boolean(),
  permit_reasons: Type.Array(Type.String()),
  results_owed: Type.Boolean(),
  samples: Type.Array(CutSchema),
  signatures: Type.Array(Type.String()),
  due_date: Nullable(Type.String()),
  results_due: Nullable(Type.String()),
  version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
};

export const SharingRequest = Type.Object(requestFields, { $id: 'SharingRequest' });

export const SharingRequestDetail = Type.Object(
  {
    ...requestFields,
    timeline: Type.Array(
      Type.Object({
        at: Type.String(),
        actor: Type.String(),
        party: Type.String(),
        action: Type.String(),
        from_state: Type.String(),
        to_state: Type.String(),
        reason: Nullable(Type.String()),
      }),
    ),
    actions: Type.Array(Type.Object({ party: Type.String(), action: Type.String() })),
  },
  { $id: 'SharingRequestDetail' },
);

export const NewRequestBody = Type.Object({
  borehole: Type.String({ maxLength: 40, description: 'public id of the borehole' }),
  kind: literals(REQUEST_KINDS),
  mode: literals(SHARING_MODES),
  purpose: literals(PURPOSES),
  international: Type.Optional(Type.Boolean()),
  depth_from: Type.Optional(NullableInput(Type.Number({ minimum: 0 }))),
  depth_to: Type.Optional(NullableInput(Type.Number({ minimum: 0 }))),
  samples: Type.Optional(Type.Array(CutSchema, { maxItems: 1000 })),
  title: Type.String({ maxLength: 200 }),
  description: Type.Optional(NullableInput(Type.String({ maxLength: 8000 }))),
  organisation: Type.Optional(Type.String({ maxLength: 64 })),
});

export const TransitionBody = Type.Object({
  action: literals(REQUEST_ACTIONS),
  as: Type.Optional(literals(PARTIES)),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  due_date: Type.Optional(Type.String({ format: 'date', description: 'a loan’s return date' })),
  samples: Type.Optional(Type.Array(CutSchema, { maxItems: 1000 })),
  condition: Type.Optional(literals(['intact', 'damaged'] as const)),
  version: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const RequestListQuery = Type.Object({
  box: literals(['mine', 'inbox'] as const),
  state: Type.Optional(literals(REQUEST_STATES)),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
});
