import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  loginBody,
  meSchema,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  updateMeBody,
} from '../../../shared/api/auth.js';
import { okResponse } from '../../../shared/api/common.js';
import { cookieOptions, SESSION_COOKIE } from '../../http/auth-hooks.js';
import { requirePrincipal } from '../../http/context.js';
import { buildMe } from './me.js';
import * as auth from './auth.service.js';

const tags = ['auth'];
// Per address and account: slows guessing without letting one office's shared
// IP lock everybody out. Lock-out after repeated failures is in the service.
const loginLimit = {
  // The key needs the parsed body, which the default onRequest hook runs before.
  hook: 'preHandler' as const,
  max: 10,
  timeWindow: '1 minute',
  keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
};
const resetLimit = { max: 5, timeWindow: '15 minutes' };

export function registerAuthRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post('/auth/login', { schema: { tags, body: loginBody, response: { 200: meSchema } }, config: { rateLimit: loginLimit } }, async (req, reply) => {
    const { token, me } = await auth.login(req.ctx, req.body.email, req.body.password);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(req.ctx, req));
    return me;
  });

  r.post('/auth/logout', { schema: { tags, response: { 200: okResponse } } }, async (req, reply) => {
    await auth.logout(req.ctx, req.sessionToken ?? undefined);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.post(
    '/auth/password-reset/request',
    { schema: { tags, body: passwordResetRequestBody, response: { 202: okResponse } }, config: { rateLimit: resetLimit } },
    async (req, reply) => {
      await auth.requestPasswordReset(req.ctx, req.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.post(
    '/auth/password-reset/confirm',
    { schema: { tags, body: passwordResetConfirmBody, response: { 200: okResponse } }, config: { rateLimit: resetLimit } },
    async (req) => {
      await auth.confirmPasswordReset(req.ctx, req.body.token, req.body.newPassword);
      return { ok: true as const };
    },
  );

  r.get('/me', { schema: { tags, response: { 200: meSchema } } }, async (req) => buildMe(req.ctx.db, requirePrincipal(req.ctx), req.csrfToken ?? ''));

  r.patch('/me', { schema: { tags, body: updateMeBody, response: { 200: meSchema } } }, async (req) => auth.updateMe(req.ctx, req.body, req.csrfToken ?? ''));

  r.post('/me/password', { schema: { tags, body: changePasswordBody, response: { 200: okResponse } } }, async (req) => {
    await auth.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword, req.sessionToken ?? '');
    return { ok: true as const };
  });
}
