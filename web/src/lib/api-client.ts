// The one fetcher every feature's api/ module goes through: same-origin JSON, RFC 9457 errors, and
// the session's CSRF token on every write (the server refuses cookie-authenticated writes without it).

/** One thing at fault in a request, as listed in a problem's `errors`. */
export interface ProblemField {
  field?: string;
  /** A file and its line at fault (a returned assay table: 1 is the header row). */
  file?: string;
  line?: number;
  /** Where in a typed text (a search query): UTF-16 offset and length of the part at fault. */
  position?: number;
  length?: number;
  message: string;
  message_zh?: string;
  /** The sharing rule that refused a request (`mode_not_offered`, `reason_required`, …). */
  rule?: string;
}

/** RFC 9457 problem details, as the server sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** The server's machine-readable reason (`bad_credentials`, `csrf_failed`, …). */
  code?: string;
  errors?: ProblemField[];
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
    /** Seconds to wait before trying again, from a 429's (or 503's) Retry-After header. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** True for a 401: nobody is signed in, or the session has ended. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * Retry-After as seconds from `now`: either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Null when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export type Query = Record<string, string | number | null | undefined>;

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value != null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  let problem: ProblemDetails = { status: response.status, title: response.statusText };
  try {
    problem = { ...problem, ...((await response.json()) as ProblemDetails) };
  } catch {
    // Not JSON (a proxy's HTML error page): the status line is all there is.
  }
  return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('retry-after')));
}

export async function getJson<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, query), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

// The session's CSRF token, kept here so every write sends it without its caller knowing. The
// session (features/account) sets it from the sign-in answer and from /api/auth/me.
let csrfToken: string | null = null;
let refreshing: Promise<void> | undefined;
const sessionListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/**
 * Called when a write learns that the session changed behind the page's back (signed in again in
 * another tab, signed out, expired), so whoever shows the session reads it again.
 */
export function onSessionChange(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Reads the current session's token; concurrent writes that were refused share one read. */
function refreshCsrfToken(): Promise<void> {
  refreshing ??= (async () => {
    try {
      const response = await fetch(apiUrl('/auth/me'), { headers: { accept: 'application/json' } });
      if (response.ok) csrfToken = ((await response.json()) as { csrf_token: string | null }).csrf_token;
      else if (response.status === 401) csrfToken = null;
      else throw await errorOf(response);
    } finally {
      refreshing = undefined;
    }
    for (const listener of sessionListeners) listener();
  })();
  return refreshing;
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A write's body as sent: its bytes (a string, or a file as it is) and their media type. */
interface WriteBody {
  content: BodyInit;
  type: string;
}

/**
 * Every write goes through here: the CSRF token on it, and a 403 `csrf_failed` (the token is from an
 * older session) refreshes the token once and retries; a session that ended tells the listeners.
 */
async function sendWrite<T>(
  method: WriteMethod,
  url: string,
  body: WriteBody | undefined,
  signal: AbortSignal | undefined,
): Promise<T> {
  const send = () => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body) headers['content-type'] = body.type;
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    return fetch(url, { method, headers, signal, body: body?.content });
  };
  let response = await send();
  if (response.status === 403) {
    const error = await errorOf(response);
    if (error.problem.code !== 'csrf_failed') throw error;
    await refreshCsrfToken();
    response = await send();
  }
  if (!response.ok) {
    const error = await errorOf(response);
    const code = error.problem.code;
    if (code === 'session_expired' || code === 'unauthenticated')
      for (const listener of sessionListeners) listener();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * Sends a write with a JSON body (if any) and the CSRF token; answers the JSON, or undefined for
 * 204. A 403 `csrf_failed` (the token is from an older session) refreshes the token once and retries.
 */
export function sendJson<T>(
  method: WriteMethod,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  return sendWrite<T>(
    method,
    apiUrl(path),
    body === undefined ? undefined : { content: JSON.stringify(body), type: 'application/json' },
    signal,
  );
}

/**
 * Sends a raw body (a file as it is, with its own media type) through the same CSRF handling, the
 * other parameters in the query string; no body at all when `body` is null. Answers the JSON.
 */
export function sendBody<T>(
  method: WriteMethod,
  path: string,
  body: { content: Blob; type: string } | null,
  query: Query = {},
  signal?: AbortSignal,
): Promise<T> {
  return sendWrite<T>(method, apiUrl(path, query), body ?? undefined, signal);
}
