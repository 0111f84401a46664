import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { BackgroundJobs } from '../jobs/background.js';
import type { Mailer } from '../mail/mailer.js';
import type { Principal } from '../modules/access/principal.js';
import type { Actor } from '../modules/audit/audit.repository.js';
import { AppError } from './app-error.js';

/** Long-lived collaborators, made once in main.ts (or per test). */
export type AppDeps = {
  db: Kysely<DB>;
  config: Config;
  mailer: Mailer;
  jobs: BackgroundJobs;
  log: { info: (obj: unknown, msg?: string) => void; error: (obj: unknown, msg?: string) => void };
};

/** What a service needs to know about the request it serves. */
export type RequestContext = AppDeps & {
  principal: Principal | null;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
};

export function requirePrincipal(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return ctx.principal;
}

export function actorOf(ctx: RequestContext): Actor {
  return {
    userId: ctx.principal?.userId ?? null,
    label: ctx.principal ? `${ctx.principal.displayName} <${ctx.principal.email}>` : 'anonymous',
    requestId: ctx.requestId,
  };
}
