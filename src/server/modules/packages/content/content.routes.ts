import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../http/app-error.js';
import type { AppDeps } from '../../../http/context.js';
import { canonicalPath } from '../package-paths.js';
import { packageStorage } from '../package-storage.factory.js';
import { contentTypeOf } from './content-types.js';
import { contentKey, verifyContentToken } from './content-token.js';

// Package files are served only from the content origin (CONTENT_URL), a
// different host from the app's, so the content (anybody's JavaScript) can
// neither read nor send the app's session cookie, and the app answers nothing
// but /content/ there. Access comes from the signed token in the path, never
// from a session.

export const CONTENT_PREFIX = '/content/';
const MAX_CACHE_SECONDS = 3600;

export function registerPackageContent(app: FastifyInstance, deps: AppDeps): void {
  const contentUrl = deps.config.contentUrl;
  if (!contentUrl) return;
  const contentHost = new URL(contentUrl).hostname.toLowerCase();
  const appOrigin = new URL(deps.config.publicUrl).origin;
  const onContentHost = (request: FastifyRequest) => request.hostname.toLowerCase() === contentHost;

  // Registered before the session hooks: on the content host nothing else
  // (API, xAPI, web app) exists, and off it /content/ does not.
  app.addHook('onRequest', async (request) => {
    const contentPath = request.url.startsWith(CONTENT_PREFIX);
    if (onContentHost(request) && !contentPath) throw new AppError('NOT_FOUND', `This address only serves course content. Open Mestring at ${deps.config.publicUrl}.`);
    if (!onContentHost(request) && contentPath) throw AppError.notFound('This address');
  });

  // One wildcard, split here: a token is longer than the router allows a path parameter to be.
  app.get('/content/*', { schema: { hide: true } }, async (request, reply) => {
    const token = request.url.slice(CONTENT_PREFIX.length).split(/[/?#]/)[0]!;
    const check = verifyContentToken(await contentKey(deps.db), token, Math.floor(Date.now() / 1000));
    if (!check.ok && check.why === 'expired') throw AppError.forbidden('This content link has expired. Open the course again.');
    if (!check.ok) throw AppError.notFound('This content');
    const path = requestedPath(request.url, token);
    if (!path) throw AppError.notFound('This content');
    const key = { municipalityId: check.grant.municipalityId, packageId: check.grant.packageId, version: check.grant.version };
    const storage = packageStorage(deps.config);
    const info = await storage.statFile(key, path);
    if (!info) throw AppError.notFound('This content');

    const range = parseRange(request.headers.range, info.size);
    if (range === 'unsatisfiable') {
      // HTTP wants 416 here, which no AppError code maps to; same error shape.
      return reply
        .status(416)
        .header('content-range', `bytes */${info.size}`)
        .send({ error: { code: 'VALIDATION', message: 'The requested range is outside the file.', details: { reason: 'RANGE_NOT_SATISFIABLE' } } });
    }
    const file = await storage.readFile(key, path, range ?? undefined);
    if (!file) throw AppError.notFound('This content');
    const maxAge = Math.max(0, Math.min(MAX_CACHE_SECONDS, check.grant.expiresAt - Math.floor(Date.now() / 1000)));
    reply
      .header('content-type', contentTypeOf(path))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', `private, max-age=${maxAge}`)
      // The token is in the path: never hand it to other sites in a Referer.
      .header('referrer-policy', 'same-origin')
      .header('content-security-policy', `frame-ancestors 'self' ${appOrigin}`)
      .header('accept-ranges', 'bytes')
      .header('last-modified', info.modified.toUTCString())
      .header('content-length', String(file.size));
    if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
    return reply.send(file.stream);
  });
}

/**
 * The file path from the raw URL (not Fastify's decoded wildcard), decoding
 * each segment on its own so an encoded "/" or "\" cannot join or split
 * segments; null for anything that is not a plain path inside the package.
 */
function requestedPath(url: string, token: string): string | null {
  const prefix = `${CONTENT_PREFIX}${token}/`;
  if (!url.startsWith(prefix)) return null;
  const raw = url.slice(prefix.length).replace(/[?#].*$/, '');
  const segments: string[] = [];
  for (const segment of raw.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (decoded.includes('/') || decoded.includes('\\') || decoded === '..') return null;
    segments.push(decoded);
  }
  const canonical = canonicalPath(segments.join('/'));
  return 'path' in canonical ? canonical.path : null;
}

/** One "bytes=a-b" range (what media players send); anything fancier gets the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
