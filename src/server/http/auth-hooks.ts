import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadSessionPrincipal, type Principal } from '../modules/access/principal.js';
import { tokenHash, touchSession } from '../modules/auth/session.repository.js';
import { AppError } from './app-error.js';
import type { AppDeps, RequestContext } from './context.js';

export const SESSION_COOKIE = 'mestring_session';
const TOUCH_AFTER_MS = 60_000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that a visitor without a session may call with an unsafe method. */
const PUBLIC_UNSAFE = new Set(['/api/v1/auth/login', '/api/v1/auth/password-reset/request', '/api/v1/auth/password-reset/confirm']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    csrfToken: string | null;
    sessionToken: string | null;
    ctx: RequestContext;
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `request.host` honours X-Forwarded-Host behind a trusted proxy; "null" and junk origins never match. */
function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function cookieOptions(deps: AppDeps, request: FastifyRequest) {
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(request.headers.host ?? '');
  const secure = deps.config.cookieSecure === 'auto' ? request.protocol === 'https' || local : deps.config.cookieSecure;
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: Math.floor(deps.config.sessionTtlMs / 1000) };
}

/**
 * Resolves the session for every API request, then enforces CSRF on unsafe
 * methods: SameSite=Lax cookies plus a per-session token in X-CSRF-Token, and
 * a same-origin check on the public sign-in endpoints.
 */
export function installAuthHooks(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSessionPrincipal(deps.db, tokenHash(token));
      if (session) {
        request.principal = session.principal;
        request.csrfToken = session.csrfToken;
        request.sessionToken = token;
        if (Date.now() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(deps.db, session.sessionId, deps.config.sessionTtlMs);
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    request.ctx = {
      ...deps,
      principal: request.principal,
      requestId: request.id,
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    };
    if (SAFE_METHODS.has(request.method)) return;
    const path = request.url.split('?')[0] ?? '';
    if (PUBLIC_UNSAFE.has(path)) {
      const origin = request.headers.origin;
      if (origin && !sameHost(origin, request.host)) {
        throw new AppError('CSRF_INVALID', 'This request came from another site.');
      }
      return;
    }
    if (!request.principal) return; // the route answers UNAUTHENTICATED
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken ?? '')) {
      throw new AppError('CSRF_INVALID', 'The security token is missing or out of date. Reload the page and try again.');
    }
  });
}
