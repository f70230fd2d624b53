// The API client: same origin as the pane, bearer token, the pane's language, a time limit on every request,
// and RFC 9457 problem details turned into one error type the UI can show.

export type FailureKind = "network" | "timeout" | "http";

export class ApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly status: number,
    readonly title: string | null,
    readonly detail: string | null,
    readonly problem: Record<string, unknown> | null,
    /** The language the server wrote its title and detail in (Content-Language), when it said. */
    readonly language: string | null = null,
  ) {
    super(detail ?? title ?? `${kind} ${status}`);
    this.name = "ApiError";
  }

  /** Worth trying again later: the server was not reached, was too slow, or failed on its side. */
  get transient(): boolean {
    return this.kind !== "http" || this.status >= 500 || this.status === 429;
  }
}

export interface ApiOptions {
  /** Gives the bearer token; `refresh` asks for a new one after a 401. */
  token: (refresh: boolean) => Promise<string>;
  language: () => string;
  timeoutMs?: number;
}

export interface Api {
  get<T>(path: string): Promise<T>;
  /** Sends `body` as JSON, or a FormData (a file upload) as it is. */
  send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** Downloads a binary answer (the Word document). */
  blob(path: string): Promise<Blob>;
  /** The bearer token, for a channel that cannot go through `get`/`send` (the live updates' WebSocket). */
  token(): Promise<string>;
}

export const defaultTimeoutMs = 15_000;

/** One request with a time limit; network failures and time-outs become ApiError too. */
export async function request(path: string, init: RequestInit, timeoutMs = defaultTimeoutMs): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(path, { ...init, signal: controller.signal });
    if (!response.ok) {
      throw await toError(response);
    }
    return response;
  } catch (error) {
    if (error instanceof ApiError) {
      throw error;
    }
    throw new ApiError(controller.signal.aborted ? "timeout" : "network", 0, null, null, null);
  } finally {
    clearTimeout(timer);
  }
}

async function toError(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> | null = null;
  try {
    const body: unknown = await response.json();
    problem = body && typeof body === "object" ? (body as Record<string, unknown>) : null;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  const text = (key: string) => (typeof problem?.[key] === "string" ? (problem[key] as string) : null);
  return new ApiError("http", response.status, text("title"), text("detail"), problem, response.headers.get("Content-Language"));
}

/** The answer's JSON; undefined for an answer without a body (204, or a 202 that only says the work was queued). */
export async function readJson<T>(response: Response): Promise<T> {
  const text = response.status === 204 ? "" : await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function createApi(options: ApiOptions): Api {
  const timeout = options.timeoutMs ?? defaultTimeoutMs;

  async function call(method: string, path: string, body: unknown, refresh = false): Promise<Response> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${await options.token(refresh)}`,
      "Accept-Language": options.language(),
    };
    // A form (a file upload) carries its own content type, with the boundary the browser chooses.
    const form = body instanceof FormData;
    if (body !== undefined && !form) {
      headers["Content-Type"] = "application/json";
    }
    try {
      return await request(path, { method, headers, body: body === undefined ? null : form ? body : JSON.stringify(body) }, timeout);
    } catch (error) {
      // An expired token: one more try with a fresh one.
      if (!refresh && error instanceof ApiError && error.status === 401) {
        return call(method, path, body, true);
      }
      throw error;
    }
  }

  return {
    get: async <T>(path: string) => readJson<T>(await call("GET", path, undefined)),
    send: async <T>(method: string, path: string, body?: unknown) => readJson<T>(await call(method, path, body)),
    blob: async (path: string) => (await call("GET", path, undefined)).blob(),
    token: () => options.token(false),
  };
}
