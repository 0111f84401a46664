import { expect } from 'vitest';
import type { ActorRole } from '../../factories.js';
import { freshRoleProfile, starterVersionId } from '../framework-objects.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { unique } from '../objects.js';

// Role profiles: the levels a role requires. Not personal data, so leaders and
// ombud (municipality or unit scope) read them to plan training; the
// municipality's administrator and competence advisors decide them. The
// templates are platform reference data (no tenant), like /me.

const READERS: ActorRole[] = ['municipal_admin', 'competence_advisor', 'leader', 'ombud'];
const MANAGERS: ActorRole[] = ['municipal_admin', 'competence_advisor'];
const READ = outcomes({ allow: READERS, rest: 'forbidden' });
const MANAGE = outcomes({ allow: MANAGERS, rest: 'forbidden' });
const READ_OTHERS_OBJECT = outcomes({ notFound: READERS, rest: 'forbidden' });
const MANAGE_OTHERS_OBJECT = outcomes({ notFound: MANAGERS, rest: 'forbidden' });
const MANAGE_WITH_OTHERS_UNIT = outcomes({ invalid: MANAGERS, rest: 'forbidden' });
const MUNICIPAL = platformSpansAll(
  'forbidden',
  'A platform administrator sees every municipality (so gets 403, not 404) but holds no role that reads or decides its role profiles.',
);

const BASE = '/api/v1/municipalities/:municipalityId/role-profiles';
const ITEM = `${BASE}/:profileId`;

const profileNamed = async ({ t }: MatrixContext, name: string) =>
  (await t.db.selectFrom('role_profiles').select(['id', 'municipality_id', 'unit_id']).where('name', '=', name).executeTakeFirst()) ?? null;
const profileName = async ({ t }: MatrixContext, id: string) => (await t.db.selectFrom('role_profiles').select('name').where('id', '=', id).executeTakeFirst())?.name;
const profileExists = async (ctx: MatrixContext, id: string) => (await profileName(ctx, id)) !== undefined;

/** A fresh profile in the tenant the entry points at (`target`), or in the other one to probe cross-tenant ids. */
async function withProfile(ctx: MatrixContext, owner: 'target' | 'other', payload?: (name: string) => unknown) {
  const profileId = await freshRoleProfile(ctx.t.db, ctx[owner]);
  const name = unique('Renamed ');
  return { params: { profileId }, payload: payload?.(name), state: { profileId, name } };
}

async function newProfilePayload(ctx: MatrixContext, unitId: string | null) {
  const name = unique('Matrix profile ');
  return {
    payload: { name, frameworkVersionId: await starterVersionId(ctx.t.db), profession: 'nurse', unitId, requirements: [{ competenceCode: 'HC.SEC.1', requiredLevel: 3 }] },
    state: { name },
  };
}

export const roleProfileEntries: MatrixEntry[] = [
  {
    name: 'role-profile-templates.list',
    method: 'GET',
    path: '/api/v1/role-profile-templates',
    expect: outcomes({ rest: 'allow' }),
    note: 'Platform reference data; no tenant.',
    check: (_ctx, res) => expect(res.json().length).toBeGreaterThan(0),
  },
  {
    name: 'role-profiles.list',
    method: 'GET',
    path: BASE,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: async ({ t, target, other }) => ({ state: { mine: await freshRoleProfile(t.db, target), theirs: await freshRoleProfile(t.db, other) } }),
    check: ({ target }, res, { state }) => {
      const profiles = res.json() as { id: string; municipalityId: string }[];
      expect(profiles.every((p) => p.municipalityId === target.municipality.id)).toBe(true);
      expect(profiles.map((p) => p.id)).toContain(state!.mine);
      expect(profiles.map((p) => p.id)).not.toContain(state!.theirs);
    },
  },
  {
    name: 'role-profiles.create',
    method: 'POST',
    path: BASE,
    expect: MANAGE,
    foreign: MUNICIPAL,
    status: 201,
    prepare: (ctx) => newProfilePayload(ctx, ctx.target.units.unit.id),
    effect: async (ctx, { state }) => (await profileNamed(ctx, state!.name!))?.municipality_id === ctx.target.municipality.id,
  },
  {
    name: 'role-profiles.create for another tenant\'s unit',
    method: 'POST',
    path: BASE,
    expect: MANAGE_WITH_OTHERS_UNIT,
    foreign: MUNICIPAL,
    prepare: (ctx) => newProfilePayload(ctx, ctx.other.units.unit.id),
    effect: async (ctx, { state }) => !!(await profileNamed(ctx, state!.name!)),
  },
  {
    name: 'role-profiles.from-template',
    method: 'POST',
    path: `${BASE}/from-template`,
    expect: MANAGE,
    foreign: MUNICIPAL,
    status: 201,
    prepare: async ({ t }) => {
      await starterVersionId(t.db);
      const name = unique('From template ');
      return { payload: { templateKey: 'assistant-care', name }, state: { name } };
    },
    effect: async (ctx, { state }) => (await profileNamed(ctx, state!.name!))?.municipality_id === ctx.target.municipality.id,
  },
  {
    name: 'role-profiles.from-template for another tenant\'s unit',
    method: 'POST',
    path: `${BASE}/from-template`,
    expect: MANAGE_WITH_OTHERS_UNIT,
    foreign: MUNICIPAL,
    prepare: async ({ t, other }) => {
      await starterVersionId(t.db);
      const name = unique('From template ');
      return { payload: { templateKey: 'assistant-care', name, unitId: other.units.unit.id }, state: { name } };
    },
    effect: async (ctx, { state }) => !!(await profileNamed(ctx, state!.name!)),
  },
  {
    name: 'role-profiles.get',
    method: 'GET',
    path: ITEM,
    expect: READ,
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'target'),
    check: (_ctx, res, { state }) => {
      expect(res.json().id).toBe(state!.profileId);
      expect(res.json().requirements).toEqual([{ competenceCode: 'HC.SEC.1', requiredLevel: 2 }]);
    },
  },
  {
    name: 'role-profiles.get another tenant\'s profile',
    method: 'GET',
    path: ITEM,
    expect: READ_OTHERS_OBJECT,
    note: 'The id of a profile in another municipality, under the actor\'s own municipality path: not found.',
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'other'),
  },
  {
    name: 'role-profiles.patch',
    method: 'PATCH',
    path: ITEM,
    expect: MANAGE,
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'target', (name) => ({ name, requirements: [{ competenceCode: 'HC.SEC.2', requiredLevel: 4 }] })),
    effect: async (ctx, { state }) => (await profileName(ctx, state!.profileId!)) === state!.name,
  },
  {
    name: 'role-profiles.patch another tenant\'s profile',
    method: 'PATCH',
    path: ITEM,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'other', (name) => ({ name })),
    effect: async (ctx, { state }) => (await profileName(ctx, state!.profileId!)) === state!.name,
  },
  {
    name: 'role-profiles.patch to another tenant\'s unit',
    method: 'PATCH',
    path: ITEM,
    expect: MANAGE_WITH_OTHERS_UNIT,
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'target', (name) => ({ name, unitId: ctx.other.units.unit.id })),
    effect: async (ctx, { state }) => (await profileName(ctx, state!.profileId!)) === state!.name,
  },
  {
    name: 'role-profiles.delete',
    method: 'DELETE',
    path: ITEM,
    expect: MANAGE,
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'target'),
    effect: async (ctx, { state }) => !(await profileExists(ctx, state!.profileId!)),
  },
  {
    name: 'role-profiles.delete another tenant\'s profile',
    method: 'DELETE',
    path: ITEM,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'other'),
    effect: async (ctx, { state }) => !(await profileExists(ctx, state!.profileId!)),
  },
  {
    name: 'role-profiles.copy',
    method: 'POST',
    path: `${ITEM}/copy`,
    expect: MANAGE,
    foreign: MUNICIPAL,
    status: 201,
    prepare: (ctx) => withProfile(ctx, 'target', (name) => ({ name })),
    effect: async (ctx, { state }) => (await profileNamed(ctx, state!.name!))?.municipality_id === ctx.target.municipality.id,
  },
  {
    name: 'role-profiles.copy another tenant\'s profile',
    method: 'POST',
    path: `${ITEM}/copy`,
    expect: MANAGE_OTHERS_OBJECT,
    foreign: MUNICIPAL,
    prepare: (ctx) => withProfile(ctx, 'other', (name) => ({ name })),
    effect: async (ctx, { state }) => !!(await profileNamed(ctx, state!.name!)),
  },
];
