// One shape for every "no" the sharing rules give, so the API and the web show them the same way.

/** A refusal names the rule that refused (a stable id clients may key on) and says why, in both languages. */
export interface Refusal<R extends string = string> {
  rule: R;
  message: string;
  message_zh: string;
  /** The figures behind the message (depths, limits), for clients that highlight them. */
  details?: Readonly<Record<string, string | number>>;
}

/** Builds a refusal; `details` is left out when there are none so equality checks stay simple. */
export function refuse<R extends string>(
  rule: R,
  message: string,
  message_zh: string,
  details?: Record<string, string | number>,
): Refusal<R> {
  return details ? { rule, message, message_zh, details } : { rule, message, message_zh };
}
