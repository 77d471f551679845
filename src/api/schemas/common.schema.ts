import { Type, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * Nullable for request bodies: null is tried first, because the validator coerces types and would
 * otherwise turn a null into 0 or "" before it reached the null branch.
 */
export const NullableInput = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/** RFC 9457 problem details, with `errors` naming each field (and file line) at fault. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          file: Type.Optional(Type.String()),
          line: Type.Optional(Type.Integer()),
          field: Type.Optional(Type.String()),
          position: Type.Optional(Type.Integer({ description: 'UTF-16 offset in the typed text' })),
          length: Type.Optional(Type.Integer()),
          message: Type.String(),
          message_zh: Type.Optional(Type.String()),
          rule: Type.Optional(Type.String({ description: 'the sharing rule that refused' })),
        }),
      ),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const problemResponses = {
  400: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  500: Type.Ref('Problem'),
};

export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50, description: 'rows per page' }),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page' })),
};
