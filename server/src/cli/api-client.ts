// A thin client for the Plugboard HTTP API over global fetch. Failures become ApiError (the
// server answered with an error body) or ConnectionError (nothing answered at all).
import type { ErrorIssue } from '@plugboard/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class ConnectionError extends Error {
  constructor(
    readonly server: string,
    readonly reason: string,
  ) {
    super(`could not reach the server at ${server} (${reason})`);
    this.name = 'ConnectionError';
  }
}

export type ApiResponse<T> = { status: number; body: T };

export type RequestOptions = {
  body?: unknown;
  /** A ready-made body (e.g. a streamed upload); sent as JSON. */
  stream?: ReadableStream<Uint8Array>;
  timeoutMs?: number;
};

/** The code of a network failure, looking through fetch's "fetch failed" wrapper. */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause as
    | { code?: string; message?: string; errors?: { code?: string }[] }
    | undefined;
  return (
    cause?.code ??
    cause?.errors?.find((e) => e.code)?.code ??
    cause?.message ??
    (err as Error).message ??
    String(err)
  );
}

async function readError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const { error } = JSON.parse(text) as {
      error?: { code?: string; message?: string; field?: string; issues?: ErrorIssue[] };
    };
    if (error?.message) {
      return new ApiError(
        res.status,
        error.code ?? `HTTP_${res.status}`,
        error.message,
        error.field,
        error.issues,
      );
    }
  } catch {
    // not JSON: fall through and describe what came back
  }
  const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return new ApiError(
    res.status,
    `HTTP_${res.status}`,
    `the server answered HTTP ${res.status}${snippet ? `: ${snippet}` : ''} (is this a Plugboard server?)`,
  );
}

export function createApiClient(options: { server: string; token?: string | undefined }) {
  const server = options.server.replace(/\/+$/, '');
  return {
    server,
    /** Absolute URL for a path the server returned (entry URLs are paths on the server). */
    absolute: (path: string) => (/^https?:\/\//.test(path) ? path : `${server}${path}`),

    async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const init: RequestInit & { duplex?: 'half' } = {
        method,
        headers,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      };
      if (opts.stream) {
        headers['content-type'] = 'application/json';
        init.body = opts.stream;
        init.duplex = 'half';
      } else if (opts.body !== undefined) {
        headers['content-type'] = 'application/json';
        init.body = JSON.stringify(opts.body);
      }
      let res: Response;
      try {
        res = await fetch(`${server}${path}`, init);
      } catch (err) {
        if ((err as Error).name === 'TimeoutError') throw new ConnectionError(server, 'timed out');
        throw new ConnectionError(server, networkReason(err));
      }
      if (!res.ok) throw await readError(res);
      if (res.status === 204) return { status: res.status, body: null as T };
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) as T };
      } catch {
        throw new ApiError(res.status, 'NOT_JSON', `the server at ${server} did not answer with JSON`);
      }
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
