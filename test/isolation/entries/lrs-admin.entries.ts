import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { insertCredential } from '../../../src/server/modules/lrs/lrs-credentials.repository.js';
import type { ActorRole, Tenant } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry, type Prepared } from '../matrix.js';
import { unique } from '../objects.js';

// The learning record store's admin side. Credentials hand out write access to
// the municipality's learning records, so only its administrators manage them;
// statements are personal data, read by administrators and competence
// advisors. Everyone else in the municipality gets 403, outsiders 404, and
// another municipality's credential or person under one's own path does not
// exist (404, or 400 for a filter value).

const params = (p: Record<string, string>) => p as Prepared['params'];
const ADMIN: ActorRole[] = ['municipal_admin'];
const READERS: ActorRole[] = ['municipal_admin', 'competence_advisor'];
const MUNICIPAL = platformSpansAll('forbidden', 'A platform administrator sees every municipality (so gets 403, not 404) but holds no role in its learning record store, which holds personal data.');

const CREDS = '/api/v1/municipalities/:municipalityId/lrs/credentials';
const STATEMENTS = '/api/v1/municipalities/:municipalityId/lrs/statements';

async function freshCredential(ctx: MatrixContext, owner: 'target' | 'other'): Promise<{ id: string; name: string }> {
  const name = unique('matrix-cred-');
  const c = await insertCredential(ctx.t.db, ctx[owner].municipality.id, name, null);
  return { id: c.id, name };
}

async function credentialState(ctx: MatrixContext, id: string) {
  return ctx.t.db.selectFrom('lrs_credentials').select(['rotated_at', 'revoked_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** A statement only its own tenant may ever see; the activity id is the marker. */
async function statementMarker(ctx: MatrixContext, tenant: Tenant): Promise<string> {
  const activityId = `https://matrix.example/${unique('activity-')}`;
  const id = randomUUID();
  const stored = new Date().toISOString();
  const key = `mbox:mailto:${unique('learner')}@matrix.example`;
  const statement = { id, actor: { mbox: key.slice('mbox:'.length) }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { objectType: 'Activity', id: activityId }, stored, timestamp: stored };
  await ctx.t.db
    .insertInto('xapi_statements')
    .values({
      municipality_id: tenant.municipality.id,
      id,
      stored,
      verb_id: statement.verb.id,
      agent_keys: [key],
      related_agent_keys: [key],
      activity_ids: [activityId],
      related_activity_ids: [activityId],
      statement: JSON.stringify(statement),
    })
    .execute();
  return activityId;
}

async function exportCount(ctx: MatrixContext): Promise<number> {
  const rows = await ctx.t.db.selectFrom('audit_events').select('id').where('municipality_id', '=', ctx.target.municipality.id).where('action', '=', 'lrs_statements.export').execute();
  return rows.length;
}

const markers = async (ctx: MatrixContext) => ({ mine: await statementMarker(ctx, ctx.target), theirs: await statementMarker(ctx, ctx.other), exports: String(await exportCount(ctx)) });

export const lrsAdminEntries: MatrixEntry[] = [
  {
    name: 'lrs-credentials.list',
    method: 'GET',
    path: CREDS,
    expect: outcomes({ allow: ADMIN, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ state: { mine: (await freshCredential(ctx, 'target')).name, theirs: (await freshCredential(ctx, 'other')).name } }),
    check: (_ctx, res, { state }) => {
      const names = res.json().items.map((c: { name: string }) => c.name);
      expect(names).toContain(state!.mine);
      expect(names).not.toContain(state!.theirs);
      expect(res.body).not.toMatch(/secret/i);
    },
  },
  {
    name: 'lrs-credentials.create',
    method: 'POST',
    path: CREDS,
    status: 201,
    expect: outcomes({ allow: ADMIN, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: () => {
      const name = unique('matrix-new-');
      return { payload: { name }, state: { name } };
    },
    effect: async (ctx, { state }) =>
      !!(await ctx.t.db.selectFrom('lrs_credentials').select('id').where('municipality_id', '=', ctx.target.municipality.id).where('name', '=', state!.name!).executeTakeFirst()),
  },
  {
    name: 'lrs-credentials.rotate',
    method: 'POST',
    path: `${CREDS}/:credentialId/rotate`,
    expect: outcomes({ allow: ADMIN, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const c = await freshCredential(ctx, 'target');
      return { params: params({ credentialId: c.id }), payload: { graceHours: 1 }, state: { id: c.id } };
    },
    effect: async (ctx, { state }) => (await credentialState(ctx, state!.id!)).rotated_at !== null,
  },
  {
    name: "lrs-credentials.rotate another tenant's credential",
    method: 'POST',
    path: `${CREDS}/:credentialId/rotate`,
    expect: outcomes({ notFound: ADMIN, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const c = await freshCredential(ctx, 'other');
      return { params: params({ credentialId: c.id }), payload: { graceHours: 0 }, state: { id: c.id } };
    },
    effect: async (ctx, { state }) => (await credentialState(ctx, state!.id!)).rotated_at !== null,
  },
  {
    name: 'lrs-credentials.revoke',
    method: 'POST',
    path: `${CREDS}/:credentialId/revoke`,
    expect: outcomes({ allow: ADMIN, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const c = await freshCredential(ctx, 'target');
      return { params: params({ credentialId: c.id }), state: { id: c.id } };
    },
    effect: async (ctx, { state }) => (await credentialState(ctx, state!.id!)).revoked_at !== null,
  },
  {
    name: "lrs-credentials.revoke another tenant's credential",
    method: 'POST',
    path: `${CREDS}/:credentialId/revoke`,
    expect: outcomes({ notFound: ADMIN, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => {
      const c = await freshCredential(ctx, 'other');
      return { params: params({ credentialId: c.id }), state: { id: c.id } };
    },
    effect: async (ctx, { state }) => (await credentialState(ctx, state!.id!)).revoked_at !== null,
  },
  {
    name: 'lrs-statements.list',
    method: 'GET',
    path: STATEMENTS,
    expect: outcomes({ allow: READERS, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ state: await markers(ctx), query: { limit: '200' } }),
    check: (_ctx, res, { state }) => {
      const activities = res.json().items.map((s: { object: { id: string } }) => s.object.id);
      expect(activities).toContain(state!.mine);
      expect(activities).not.toContain(state!.theirs);
    },
  },
  {
    name: "lrs-statements.list by another tenant's person",
    method: 'GET',
    path: STATEMENTS,
    expect: outcomes({ invalid: READERS, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: (ctx) => ({ query: { personId: ctx.other.people.inTeam.id } }),
  },
  {
    name: 'lrs-statements.export csv',
    method: 'GET',
    path: `${STATEMENTS}/export`,
    expect: outcomes({ allow: READERS, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ state: await markers(ctx), query: { format: 'csv' } }),
    // The export is audited exactly when it is allowed.
    effect: async (ctx, { state }) => (await exportCount(ctx)) > Number(state!.exports),
    check: (_ctx, res, { state }) => {
      expect(res.body).toContain(state!.mine);
      expect(res.body).not.toContain(state!.theirs);
    },
  },
  {
    name: 'lrs-statements.export json',
    method: 'GET',
    path: `${STATEMENTS}/export`,
    expect: outcomes({ allow: READERS, rest: 'forbidden' }),
    foreign: MUNICIPAL,
    prepare: async (ctx) => ({ state: await markers(ctx), query: { format: 'json' } }),
    effect: async (ctx, { state }) => (await exportCount(ctx)) > Number(state!.exports),
    check: (_ctx, res, { state }) => {
      const activities = (JSON.parse(res.body) as { object: { id: string } }[]).map((s) => s.object.id);
      expect(activities).toContain(state!.mine);
      expect(activities).not.toContain(state!.theirs);
    },
  },
];
