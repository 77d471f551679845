// The one fetcher every feature's api/ module goes through: same-origin JSON, RFC 9457 errors.

/** One thing at fault in a request, as listed in a problem's `errors`. */
export interface ProblemField {
  field?: string;
  /** Where in a typed text (a search query): UTF-16 offset and length of the part at fault. */
  position?: number;
  length?: number;
  message: string;
  message_zh?: string;
}

/** RFC 9457 problem details, as the server sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemField[];
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
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

type Query = Record<string, string | number | null | undefined>;

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value != null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

export async function getJson<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, query), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) {
    let problem: ProblemDetails = { status: response.status, title: response.statusText };
    try {
      problem = { ...problem, ...((await response.json()) as ProblemDetails) };
    } catch {
      // Not JSON (a proxy's HTML error page): the status line is all there is.
    }
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as T;
}
