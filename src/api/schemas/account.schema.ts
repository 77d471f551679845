import { Type } from '@sinclair/typebox';
import { Nullable } from './common.schema.js';

export const Account = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    display_name: Type.String(),
    email_verified: Type.Boolean(),
    real_name_status: Type.String(),
    locale: Type.Union([Type.Literal('zh'), Type.Literal('en')]),
    memberships: Type.Array(
      Type.Object({
        organisation_code: Type.String(),
        organisation_name_zh: Type.String(),
        organisation_name_en: Nullable(Type.String()),
        role: Type.String(),
        custodian_code: Nullable(Type.String()),
        province_code: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'Account' },
);

export const ApiToken = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'the first characters of the token, to tell tokens apart' }),
    created_at: Type.String(),
    last_used_at: Nullable(Type.String()),
    expires_at: Nullable(Type.String()),
    revoked_at: Nullable(Type.String()),
  },
  { $id: 'ApiToken' },
);

export const AuditEntry = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.String(),
    actor: Type.String(),
    action: Type.String(),
    subject_type: Nullable(Type.String()),
    subject_id: Nullable(Type.String()),
    outcome: Type.String(),
    detail: Type.Unknown(),
    ip: Nullable(Type.String()),
    hash: Type.String(),
  },
  { $id: 'AuditEntry' },
);

/** Answers of routes that need a signed-in caller. */
export const authProblems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
  500: Type.Ref('Problem'),
};
