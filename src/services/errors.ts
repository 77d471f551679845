// Typed errors of the use cases. The API maps them to RFC 9457 problem details; the CLI to exit codes.

export interface ProblemField {
  /** Where: a file and line for imports, a JSON pointer or parameter name for requests. */
  file?: string;
  line?: number;
  field?: string;
  /** Where in a typed text (a search query): UTF-16 offset and length of the part at fault. */
  position?: number;
  length?: number;
  /** The message in Chinese, where one is written. */
  message_zh?: string;
  message: string;
  /** The sharing rule that refused, a stable id clients may key on. */
  rule?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly problems: ProblemField[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('not_found', 404, `${what} ${JSON.stringify(id)} does not exist`);
  }
}

export class InvalidInputError extends AppError {
  constructor(message: string, problems: ProblemField[] = []) {
    super('invalid_input', 400, message, problems);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}

/** No identity, or one that has expired: sign in (again). */
export class UnauthorizedError extends AppError {
  constructor(message = 'sign in first', messageZh = '请先登录', code = 'unauthenticated') {
    super(code, 401, message, [{ message, message_zh: messageZh }]);
  }
}

/** A known caller asking for what its roles do not allow, or a refused rule. */
export class ForbiddenError extends AppError {
  constructor(message: string, messageZh: string, code = 'forbidden') {
    super(code, 403, message, [{ message, message_zh: messageZh }]);
  }
}

/** Too many attempts: `retryAfterSeconds` tells the client when to try again. */
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    messageZh: string,
    readonly retryAfterSeconds: number,
    code = 'too_many_requests',
  ) {
    super(code, 429, message, [{ message, message_zh: messageZh }]);
  }
}

/** A sharing rule says no: each refusal names its rule, in both languages (409 for the wrong moment). */
export class RuleRefusalError extends AppError {
  constructor(
    refusals: ReadonlyArray<{ rule: string; message: string; message_zh: string }>,
    status: 400 | 403 | 409 | 422 = 422,
  ) {
    super(
      'refused',
      status,
      refusals.map((r) => r.message).join('; '),
      refusals.map((r) => ({ rule: r.rule, message: r.message, message_zh: r.message_zh })),
    );
  }
}
