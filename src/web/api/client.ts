import { z } from 'zod';
import { ERROR_CODES, type ErrorCode, errorBodySchema } from '../../shared/errors';

export const API_BASE = '/api/v1';

/** For responses whose body the caller does not use (deletes). */
export const anyResponse = z.unknown();

/** A failed API call, carrying the server's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field-level problems from a VALIDATION error, keyed by the dotted field path. */
  fieldIssues(): Record<string, string> {
    const out: Record<string, string> = {};
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    if (!Array.isArray(issues)) return out;
    for (const issue of issues) {
      if (!issue || typeof issue !== 'object') continue;
      const { path, message } = issue as { path?: unknown; message?: unknown };
      const parts = Array.isArray(path) ? path.map(String) : [];
      // Some validators prefix the request part ("body.email"); fields are keyed without it.
      if (parts.length > 1 && ['body', 'query', 'params', 'querystring'].includes(parts[0] ?? '')) parts.shift();
      const key = parts.join('.');
      if (typeof message === 'string' && !(key in out)) out[key] = message;
    }
    return out;
  }
}

let csrfToken: string | null = null;

/** Remember the token from GET /me or the login response; sent on every unsafe request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when a request reports that the session has ended. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Do not report UNAUTHENTICATED to listeners (used by GET /me and login). */
  quietAuth?: boolean;
};

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await res.json();
  } catch {
    // Not JSON (a proxy error page, for instance).
  }
  const parsed = errorBodySchema.safeParse(payload);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(res.status, code, message, details);
  }
  const raw = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const fallback: ErrorCode = isErrorCode(raw?.code)
    ? raw.code
    : res.status === 401
      ? 'UNAUTHENTICATED'
      : res.status === 403
        ? 'FORBIDDEN'
        : res.status === 404
          ? 'NOT_FOUND'
          : res.status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : res.status === 429
              ? 'RATE_LIMITED'
              : 'INTERNAL';
  return new ApiError(res.status, fallback, typeof raw?.message === 'string' ? raw.message : res.statusText);
}

const retriedCsrf = new WeakSet<RequestInit>();

async function refreshCsrfToken(): Promise<boolean> {
  try {
    const res = await fetch(`${API_BASE}/me`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!res.ok) return false;
    const token = ((await res.json()) as { csrfToken?: unknown }).csrfToken;
    if (typeof token !== 'string') return false;
    csrfToken = token;
    return true;
  } catch {
    return false;
  }
}

async function send(path: string, init: RequestInit, options: RequestOptions): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      ...init,
      method,
      headers,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'INTERNAL', err instanceof Error ? err.message : 'Network error');
  }
  if (!res.ok) {
    const error = await toApiError(res);
    // A stale CSRF token (e.g. after signing in in another tab): fetch a fresh one and retry once.
    if (error.code === 'CSRF_INVALID' && method !== 'GET' && !retriedCsrf.has(init)) {
      const fresh = await refreshCsrfToken();
      if (fresh) {
        retriedCsrf.add(init);
        return send(path, init, options);
      }
    }
    if (error.code === 'UNAUTHENTICATED' && !options.quietAuth) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : null;
}

function check<S extends z.ZodType>(schema: S, data: unknown, path: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  // Be lenient in production: log the mismatch and carry on with the raw data.
  console.warn(`Response from ${path} did not match its schema`, parsed.error.issues);
  return data as z.infer<S>;
}

/** JSON request; the response is checked against the shared schema. */
export async function api<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  const init: RequestInit = {};
  if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  return check(schema, await send(path, init, options), path);
}

/** How far an upload has come: bytes sent, then the wait for the server's answer. */
export type UploadProgress = { phase: 'uploading' | 'processing'; loaded: number; total: number | null };

/**
 * multipart/form-data upload through XMLHttpRequest, which (unlike fetch)
 * reports upload progress. Same CSRF header, error codes and schema check as `api`.
 */
export async function uploadWithProgress<S extends z.ZodType>(
  path: string,
  schema: S,
  form: FormData,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  const { onProgress, signal } = options;
  const attempt = (retried: boolean): Promise<unknown> =>
    new Promise<unknown>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DOMException('Aborted', 'AbortError'));
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open('POST', buildUrl(path));
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
      xhr.upload.onprogress = (e) => onProgress?.({ phase: 'uploading', loaded: e.loaded, total: e.lengthComputable ? e.total : null });
      xhr.upload.onload = (e) => onProgress?.({ phase: 'processing', loaded: e.loaded, total: e.lengthComputable ? e.total : null });
      const onAbort = () => xhr.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
      xhr.onerror = () => reject(new ApiError(0, 'INTERNAL', 'Network error'));
      xhr.onload = () => {
        signal?.removeEventListener('abort', onAbort);
        void (async () => {
          const status = xhr.status;
          if (status >= 200 && status < 300) {
            const text = xhr.responseText;
            resolve(status === 204 || !text ? null : (JSON.parse(text) as unknown));
            return;
          }
          const error = await toApiError(new Response(xhr.responseText || null, { status: status >= 200 && status <= 599 ? status : 500, statusText: xhr.statusText }));
          if (error.code === 'CSRF_INVALID' && !retried && (await refreshCsrfToken())) {
            attempt(true).then(resolve, reject);
            return;
          }
          if (error.code === 'UNAUTHENTICATED') {
            for (const listener of unauthenticatedListeners) listener();
          }
          reject(error);
        })().catch(reject);
      };
      xhr.send(form);
    });
  return check(schema, await attempt(false), path);
}

/** multipart/form-data upload (the browser sets the boundary). */
export async function upload<S extends z.ZodType>(path: string, schema: S, form: FormData, options: RequestOptions = {}): Promise<z.infer<S>> {
  return check(schema, await send(path, { body: form }, { ...options, method: 'POST' }), path);
}
