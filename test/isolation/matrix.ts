import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/http/app.js';
import { ACTOR_ROLES, buildTenant, type ActorRole, type Tenant } from '../factories.js';
import { createTestApp, type Session, type TestApp } from '../harness.js';
import { multipartBody, type MultipartFile } from './multipart.js';
import { idsOf } from './objects.js';

// The tenant-isolation matrix: one declarative entry per route (or per
// interesting variant of a route), run for every actor role against the
// actor's own tenant and against a foreign tenant in another network.
// Later issues add entries; foundation.matrix.test.ts fails when a route has none.

/**
 * allow: any 2xx (or `status`). forbidden: 403 FORBIDDEN. notFound: 404 NOT_FOUND.
 * unauthenticated: 401 UNAUTHENTICATED. invalid: 400 VALIDATION, for payloads that
 * point at another tenant's objects (those do "not exist" from here).
 */
export type Outcome = 'allow' | 'forbidden' | 'notFound' | 'unauthenticated' | 'invalid';
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export const PLACEHOLDERS = ['municipalityId', 'networkId', 'unitId', 'personId', 'grantId', 'importId', 'profileId', 'versionId', 'campaignId', 'credentialId', 'packageId', 'packageVersionId', 'uploadId', 'courseId', 'registrationId', 'sessionId', 'itemId', 'assignmentId', 'certificateId', 'code', 'language', 'lessonId', 'assetId', 'token'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/**
 * Ids of platform-wide reference data (framework versions): the same object
 * for every tenant, so a path that names only these gets no foreign run.
 */
export const REFERENCE_PLACEHOLDERS: readonly Placeholder[] = ['versionId'];
/** True when the path names a tenant's object (so the entry also runs against a foreign tenant). */
export const isTenantScoped = (path: string) => placeholdersOf(path).some((name) => !REFERENCE_PLACEHOLDERS.includes(name as Placeholder));

export type MatrixContext = {
  t: TestApp;
  role: ActorRole;
  side: 'own' | 'foreign' | 'unknown ids' | 'no CSRF token';
  /** The actor's tenant: the signed-in user comes from here. */
  actor: Tenant;
  /** The tenant whose ids fill the path. */
  target: Tenant;
  /** The tenant that is not targeted: its data must never show up. */
  other: Tenant;
  session: Session | null;
  /** The signed-in user's id; null for anonymous. */
  userId: string | null;
};

export type Prepared = {
  /** Path values; the defaults come from the target tenant (see defaultParams). */
  params?: Partial<Record<Placeholder, string>>;
  query?: Record<string, string>;
  /** JSON body. */
  payload?: unknown;
  /** Sent as multipart/form-data instead of a JSON body. */
  file?: MultipartFile;
  /** Call with this session instead of the actor's (e.g. a throw-away one for logout). */
  session?: Session | null;
  /** Whatever prepare wants to hand to effect/check (ids, names). */
  state?: Record<string, string>;
};

export type ForeignExceptions = {
  outcomes: Partial<Record<ActorRole, Outcome>>;
  /** Why these roles do not get "not found" on another tenant. Required: exceptions must be argued. */
  why: string;
};

export type MatrixEntry = {
  name: string;
  method: Method;
  /** Full path with placeholders, e.g. /api/v1/municipalities/:municipalityId/units/:unitId. */
  path: string;
  /** Outcome per role on the actor's own tenant. */
  expect: Record<ActorRole, Outcome>;
  /**
   * Routes with tenant placeholders (any but REFERENCE_PLACEHOLDERS) also run against a foreign tenant, where every
   * signed-in role gets notFound and anonymous unauthenticated, except the
   * roles listed here.
   */
  foreign?: ForeignExceptions;
  /** Builds the request; may create fresh objects via the factories. Runs before every call. */
  prepare?: (ctx: MatrixContext) => Promise<Prepared> | Prepared;
  /** Did the call change what it targets? Asserted to be true exactly when the outcome is allow. */
  effect?: (ctx: MatrixContext, prepared: Prepared) => Promise<boolean>;
  /** Extra assertions on an allowed response (list filtering, no foreign rows). */
  check?: (ctx: MatrixContext, res: Response, prepared: Prepared) => Promise<void> | void;
  /** Exact success status, when it matters (201, 202). */
  status?: number;
  /** Roles whose allowed answers may mention the other tenant (default: platform_admin only). */
  seesAllTenants?: ActorRole[];
  note?: string;
};

export type Response = LightMyRequestResponse & { json: <T = any>() => T };

/** What the runner asserts: the entry's outcomes, plus the CSRF refusal it checks on its own. */
type Expected = Outcome | 'csrfInvalid';

const ERRORS: Record<Exclude<Expected, 'allow'>, { status: number; code: string }> = {
  csrfInvalid: { status: 403, code: 'CSRF_INVALID' },
  forbidden: { status: 403, code: 'FORBIDDEN' },
  notFound: { status: 404, code: 'NOT_FOUND' },
  unauthenticated: { status: 401, code: 'UNAUTHENTICATED' },
  invalid: { status: 400, code: 'VALIDATION' },
};

/** Builds a full role → outcome record; unlisted signed-in roles get `rest`, anonymous gets unauthenticated unless listed. */
export function outcomes(spec: Partial<Record<Outcome, ActorRole[]>> & { rest: Outcome }): Record<ActorRole, Outcome> {
  const result = {} as Record<ActorRole, Outcome>;
  for (const [outcome, roles] of Object.entries(spec)) {
    if (outcome === 'rest') continue;
    for (const role of roles as ActorRole[]) {
      if (result[role]) throw new Error(`role ${role} is listed twice`);
      result[role] = outcome as Outcome;
    }
  }
  for (const role of ACTOR_ROLES) result[role] ??= role === 'anonymous' ? 'unauthenticated' : spec.rest;
  return result;
}

export const PLATFORM_SPANS_ALL = 'A platform administrator holds a platform-wide grant: every municipality and network is as visible to them as their own.';

/** The documented exception for routes where the platform administrator's answer does not depend on the tenant. */
export function platformSpansAll(outcome: Outcome, why = PLATFORM_SPANS_ALL): ForeignExceptions {
  return { outcomes: { platform_admin: outcome }, why };
}

export function placeholdersOf(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

export function defaultParams(target: Tenant): Partial<Record<Placeholder, string>> {
  return { municipalityId: target.municipality.id, networkId: target.network.id, unitId: target.units.unit.id, personId: target.people.inTeam.id };
}

export function fillPath(path: string, params: Partial<Record<Placeholder, string>>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name as Placeholder];
    if (!value) throw new Error(`no value for :${name} in ${path}; give it from prepare()`);
    return value;
  });
}

let lastIp = 0;
/** Each call comes from its own address, so per-IP rate limits on public routes never interfere. */
const nextIp = () => {
  lastIp++;
  return `10.${(lastIp >> 16) & 255}.${(lastIp >> 8) & 255}.${lastIp & 255}`;
};

/** Like `call` in the harness (cookie + X-CSRF-Token on unsafe methods), plus multipart and a client address. */
export async function send(
  app: App,
  session: Session | null,
  method: Method,
  url: string,
  req: Pick<Prepared, 'payload' | 'file' | 'query'> & { csrf?: boolean } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET' && req.csrf !== false) headers['x-csrf-token'] = session.csrf;
  }
  let payload: string | Buffer | object | undefined;
  if (req.file) {
    const mp = multipartBody(req.file);
    headers['content-type'] = mp.contentType;
    payload = mp.body;
  } else if (req.payload !== undefined) {
    payload = req.payload as object;
  }
  return (await app.inject({ method, url, headers, query: req.query, remoteAddress: nextIp(), ...(payload === undefined ? {} : { payload }) })) as Response;
}

export function expectOutcome(res: Response, outcome: Expected, what: string, exactStatus?: number): void {
  const seen = `${what}: got ${res.statusCode} ${res.body.slice(0, 300)}`;
  if (outcome === 'allow') {
    if (exactStatus) expect(res.statusCode, seen).toBe(exactStatus);
    else expect(res.statusCode >= 200 && res.statusCode < 300, seen).toBe(true);
    return;
  }
  const want = ERRORS[outcome];
  expect(res.statusCode, seen).toBe(want.status);
  expect(res.json()?.error?.code, seen).toBe(want.code);
}

export function foreignOutcome(entry: MatrixEntry, role: ActorRole): Outcome {
  return entry.foreign?.outcomes[role] ?? (role === 'anonymous' ? 'unauthenticated' : 'notFound');
}

async function runCase(entry: MatrixEntry, ctx: MatrixContext, outcome: Expected): Promise<void> {
  const prepared = (await entry.prepare?.(ctx)) ?? {};
  const params = { ...defaultParams(ctx.target), ...prepared.params };
  if (ctx.side === 'unknown ids') for (const name of placeholdersOf(entry.path)) params[name as Placeholder] = randomUUID();
  const url = fillPath(entry.path, params);
  const session = prepared.session !== undefined ? prepared.session : ctx.session;
  const res = await send(ctx.t.app, session, entry.method, url, { ...prepared, csrf: ctx.side !== 'no CSRF token' });
  expectOutcome(res, outcome, `${ctx.role} ${entry.method} ${url} (${ctx.side})`, entry.status);
  if (entry.effect) {
    const changed = await entry.effect(ctx, prepared);
    expect(changed, `${ctx.role} ${entry.method} ${url} (${ctx.side}): changed=${changed} but outcome is ${outcome}`).toBe(outcome === 'allow');
  }
  if (outcome !== 'allow') return;
  if (!(entry.seesAllTenants ?? ['platform_admin']).includes(ctx.role)) {
    // The cheapest leak detector there is: no id of the other tenant anywhere in the answer.
    for (const id of idsOf(ctx.other)) expect(res.body.includes(id), `${ctx.role} ${entry.method} ${url} leaks ${id} of the other tenant`).toBe(false);
  }
  await entry.check?.(ctx, res, prepared);
}

function validate(entry: MatrixEntry): void {
  for (const name of placeholdersOf(entry.path)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) throw new Error(`${entry.name}: unknown placeholder :${name}`);
  }
  for (const role of ACTOR_ROLES) if (!entry.expect[role]) throw new Error(`${entry.name}: no expectation for ${role}`);
  if (entry.foreign && !entry.foreign.why.trim()) throw new Error(`${entry.name}: foreign exceptions need a reason`);
  if (entry.foreign && !isTenantScoped(entry.path)) throw new Error(`${entry.name}: names no tenant, so it has no foreign run to make exceptions for`);
}

export type MatrixHandle = { testApp: () => TestApp };

/**
 * Generates the tests: per entry, a fresh own and foreign tenant; per role, one
 * call against each; for tenant routes also an anonymous call with unknown ids
 * (401, never 404, so anonymous probing learns nothing); for unsafe methods a
 * permitted call without the CSRF token (refused, no effect).
 */
export function runIsolationMatrix(entries: MatrixEntry[], options: { title?: string } = {}): MatrixHandle {
  let t: TestApp | undefined;
  const app = () => {
    if (!t) throw new Error('the matrix app is not started yet');
    return t;
  };
  entries.forEach(validate);
  const names = entries.map((e) => e.name);
  const dup = names.find((name, i) => names.indexOf(name) !== i);
  if (dup) throw new Error(`two matrix entries are called ${dup}`);

  describe(options.title ?? 'tenant isolation matrix', () => {
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    for (const entry of entries) {
      const scoped = isTenantScoped(entry.path);
      const hasIds = placeholdersOf(entry.path).length > 0;
      describe(`${entry.name}: ${entry.method} ${entry.path}`, () => {
        let own: Tenant;
        let foreign: Tenant;
        beforeAll(async () => {
          own = await buildTenant(app().db);
          foreign = await buildTenant(app().db);
        });
        const ctxFor = (role: ActorRole, side: MatrixContext['side']): MatrixContext => {
          const target = side === 'foreign' ? foreign : own;
          return {
            t: app(),
            role,
            side,
            actor: own,
            target,
            other: target === own ? foreign : own,
            session: own.sessions[role],
            userId: role === 'anonymous' ? null : own.users[role].id,
          };
        };
        for (const role of ACTOR_ROLES) {
          it(`${role} on its own tenant → ${entry.expect[role]}`, () => runCase(entry, ctxFor(role, 'own'), entry.expect[role]));
          if (scoped) it(`${role} on a foreign tenant → ${foreignOutcome(entry, role)}`, () => runCase(entry, ctxFor(role, 'foreign'), foreignOutcome(entry, role)));
        }
        if (hasIds && entry.expect.anonymous === 'unauthenticated') {
          it('anonymous with unknown ids → unauthenticated', () => runCase(entry, ctxFor('anonymous', 'unknown ids'), 'unauthenticated'));
        }
        // Unsafe methods need the session's CSRF token (public sign-in routes check the origin instead).
        const allowed = ACTOR_ROLES.find((role) => role !== 'anonymous' && entry.expect[role] === 'allow');
        if (entry.method !== 'GET' && entry.expect.anonymous !== 'allow' && allowed) {
          it(`${allowed} without the CSRF token → CSRF_INVALID, nothing changed`, () => runCase(entry, ctxFor(allowed, 'no CSRF token'), 'csrfInvalid'));
        }
      });
    }
  });
  return { testApp: app };
}

/** Every API route the app serves, from Fastify's route tree (HEAD is implied by GET). */
export function listApiRoutes(app: App): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method && method !== 'HEAD') routes.push({ method, path });
    }
  }
  return routes.filter((r) => r.path.startsWith('/api/v1/'));
}
