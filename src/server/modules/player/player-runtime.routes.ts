import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commitRequestSchema, commitResponseSchema, runtimeTokenSchema, sessionResponseSchema } from '../../../shared/api/player.js';
import { AppError } from '../../http/app-error.js';
import type { AppDeps } from '../../http/context.js';
import { contentTypeOf } from '../packages/content/content-types.js';
import * as runtime from './player-runtime.service.js';
import { PLAYER_PATH } from './player.service.js';

// The player page and its runtime API, on the content origin only (the
// packages' content hook answers 404 for anything else there, and for
// /content/ on the app's host). The page is built by Vite into
// <webDir>/player/; it hosts the SCO, which is served from the same origin
// under /content/<token>/, so the SCO finds the page's API object.

const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,200}$/;

export function registerPlayerRuntime(app: FastifyInstance, deps: AppDeps, webDir: string): void {
  const contentUrl = deps.config.contentUrl;
  if (!contentUrl) return;
  const appOrigin = new URL(deps.config.publicUrl).origin;
  const playerDir = join(webDir, 'player');
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${appOrigin}`,
  ].join('; ');

  void app.register(async (scope) => {
    // navigator.sendBeacon posts text/plain (a simple request); its body is the same JSON.
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(AppError.validation('The request body is not JSON.'), undefined);
      }
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(PLAYER_PATH, { schema: { hide: true } }, async (_request, reply) => {
      const html = await readFile(join(playerDir, 'index.html'), 'utf8').catch(() => null);
      if (html === null) throw AppError.notFound('The player (build the web app with npm run build:web)');
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin')
        .header('content-security-policy', csp)
        .send(html);
    });

    r.get(`${PLAYER_PATH}assets/:file`, { schema: { hide: true, params: z.object({ file: z.string() }) } }, async (request, reply) => {
      const { file } = request.params;
      if (!ASSET_NAME.test(file) || file.includes('..')) throw AppError.notFound('This file');
      const path = join(playerDir, 'assets', file);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw AppError.notFound('This file');
      // File names carry a content hash: a changed file is a new name.
      return reply
        .header('content-type', contentTypeOf(file))
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .send(await readFile(path));
    });

    r.post(
      `${PLAYER_PATH}api/session`,
      { schema: { hide: true, body: z.strictObject({ token: runtimeTokenSchema, startAt: z.string().min(1).max(2000).optional() }), response: { 200: sessionResponseSchema } } },
      async (request, reply) => reply.header('cache-control', 'no-store').send(await runtime.openSession(deps, request.body.token, request.body.startAt)),
    );

    r.post(`${PLAYER_PATH}api/commit`, { schema: { hide: true, body: commitRequestSchema, response: { 200: commitResponseSchema } } }, async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await runtime.commit(deps, request.body)),
    );
  });
}
