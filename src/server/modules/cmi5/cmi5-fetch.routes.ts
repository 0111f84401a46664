import type { FastifyInstance, FastifyReply } from 'fastify';
import { withTenant } from '../../db/tenant.js';
import type { AppDeps } from '../../http/context.js';
import { claimFetch, findSession } from './cmi5.repository.js';
import { authToken, newSecret, sameSecret, sha256 } from './cmi5-session-auth.js';

// The fetch URL of a launch (cmi5 8.2): the AU POSTs to it once and gets its
// auth token as {"auth-token": …}. Every later call, and every call with a
// wrong or unknown token, gets the cmi5 error JSON instead, still with
// status 200 (8.2.2 "200 for a valid request, including one that generates
// error"): code 1 once the token was handed out or the session is over,
// 2 for a token that is not one, 3 when the LMS itself failed. Only POST
// is answered (8.2.1: no GET, so nothing caches the token); other methods
// get 405 and leave the fetch unused. It lives outside /api: the AU on the
// content origin calls it cross-origin, without cookies.

export const FETCH_PATH = '/cmi5/fetch';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = new RegExp(`^(${UUID})/(${UUID})/([A-Za-z0-9_-]{43})$`);

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type',
  'access-control-max-age': '600',
};

type FetchAnswer = { 'auth-token': string } | { 'error-code': '1' | '2' | '3'; 'error-text': string };

function answer(reply: FastifyReply, status: number, body: FetchAnswer): FastifyReply {
  return reply.status(status).headers(CORS).header('cache-control', 'no-store').header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
}

const invalid: FetchAnswer = { 'error-code': '2', 'error-text': 'This fetch URL is not valid.' };

export async function handOutToken(deps: AppDeps, token: string): Promise<FetchAnswer> {
  const m = TOKEN.exec(token);
  if (!m) return invalid;
  const [, municipalityId, sessionId, fetchSecret] = m as unknown as [string, string, string, string];
  const authSecret = newSecret();
  const outcome = await withTenant(deps.db, municipalityId, async (tx) => {
    const session = await findSession(tx, municipalityId, sessionId);
    if (!session || !sameSecret(fetchSecret, session.fetch_secret_hash)) return 'invalid' as const;
    return (await claimFetch(tx, municipalityId, sessionId, sha256(authSecret))) ? ('issued' as const) : ('used' as const);
  });
  if (outcome === 'invalid') return invalid;
  if (outcome === 'used') return { 'error-code': '1', 'error-text': 'The authorization token has already been returned, or the session has ended.' };
  return { 'auth-token': authToken(municipalityId, sessionId, authSecret) };
}

export function registerCmi5Fetch(app: FastifyInstance, deps: AppDeps): void {
  app.register(async (scope) => {
    // Whatever the AU sends as a body (nothing, JSON, a form) is ignored.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      // municipality/session/secret; a wildcard because Fastify refuses one path parameter over 100 characters.
      url: `${FETCH_PATH}/*`,
      exposeHeadRoute: false,
      schema: { hide: true },
      handler: async (request, reply) => {
        if (request.method === 'OPTIONS') return reply.status(204).headers(CORS).send();
        if (request.method !== 'POST') {
          reply.header('allow', 'POST');
          return answer(reply, 405, { 'error-code': '2', 'error-text': 'The fetch URL answers POST only.' });
        }
        try {
          return answer(reply, 200, await handOutToken(deps, (request.params as { '*': string })['*']));
        } catch (err) {
          deps.log.error({ err }, 'cmi5 fetch URL failed');
          return answer(reply, 200, { 'error-code': '3', 'error-text': 'The LMS could not hand out the token; launch the AU again.' });
        }
      },
    });
  });
}
