import { expect } from 'vitest';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { freeMunicipalityCode, freshUnit, unique } from '../objects.js';

// Networks, municipalities and units.

/** Roles that see the network: its own grants, and municipal admins/advisors of a member municipality. */
const SEE_NETWORK: ActorRole[] = ['competence_advisor', 'municipal_admin', 'network_coordinator', 'analyst', 'platform_admin'];
/** Roles held only inside a municipality (or a unit of it): for them a network does not exist. */
const INSIDE_ONLY: ActorRole[] = ['employee', 'leader', 'ombud'];
const MANAGE_NETWORK = outcomes({ allow: ['network_coordinator', 'platform_admin'], notFound: INSIDE_ONLY, rest: 'forbidden' });
const PLATFORM_ONLY = outcomes({ allow: ['platform_admin'], rest: 'forbidden' });
const UNIT_ADMIN = outcomes({ allow: ['municipal_admin'], rest: 'forbidden' });
const UNITS_ARE_MUNICIPAL = platformSpansAll(
  'forbidden',
  'A platform administrator sees every municipality (so gets 403, not 404) but units are managed by the municipality\'s own administrators.',
);

const unitName = async ({ t }: MatrixContext, id: string) =>
  (await t.db.selectFrom('units').select(['name', 'parent_id']).where('id', '=', id).executeTakeFirst()) ?? null;

export const tenancyEntries: MatrixEntry[] = [
  {
    name: 'networks.list',
    method: 'GET',
    path: '/api/v1/networks',
    expect: outcomes({ rest: 'allow' }),
    note: 'Everyone signed in may ask; the list holds only networks they see (none for employees and unit roles).',
    check: ({ role, actor, other }, res) => {
      const ids = res.json().map((n: { id: string }) => n.id);
      if (SEE_NETWORK.includes(role)) expect(ids).toContain(actor.network.id);
      else expect(ids).toEqual([]);
      if (role !== 'platform_admin') expect(ids).not.toContain(other.network.id);
    },
  },
  {
    name: 'networks.create',
    method: 'POST',
    path: '/api/v1/networks',
    expect: PLATFORM_ONLY,
    status: 201,
    prepare: () => {
      const slug = unique('net-');
      return { payload: { name: `Matrix ${slug}`, slug }, state: { slug } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('networks').select('id').where('slug', '=', state!.slug!).executeTakeFirst()),
  },
  {
    name: 'networks.get',
    method: 'GET',
    path: '/api/v1/networks/:networkId',
    expect: outcomes({ allow: SEE_NETWORK, notFound: INSIDE_ONLY, rest: 'forbidden' }),
    foreign: platformSpansAll('allow'),
    check: ({ target }, res) => {
      expect(res.json().id).toBe(target.network.id);
      expect(res.json().municipalities.map((m: { id: string }) => m.id)).toEqual([target.municipality.id]);
    },
  },
  {
    name: 'networks.patch',
    method: 'PATCH',
    path: '/api/v1/networks/:networkId',
    expect: MANAGE_NETWORK,
    foreign: platformSpansAll('allow'),
    prepare: () => {
      const name = unique('Network ');
      return { payload: { name }, state: { name } };
    },
    effect: async ({ t, target }, { state }) =>
      (await t.db.selectFrom('networks').select('name').where('id', '=', target.network.id).executeTakeFirstOrThrow()).name === state!.name,
  },
  {
    name: 'municipalities.list',
    method: 'GET',
    path: '/api/v1/municipalities',
    expect: outcomes({ rest: 'allow' }),
    check: ({ role, actor, other }, res) => {
      const ids = res.json().map((m: { id: string }) => m.id);
      if (role === 'platform_admin') expect(ids).toEqual(expect.arrayContaining([actor.municipality.id, other.municipality.id]));
      // Inside the municipality, or across a network of one member: exactly the own municipality.
      else expect(ids).toEqual([actor.municipality.id]);
    },
  },
  {
    name: 'municipalities.create',
    method: 'POST',
    path: '/api/v1/municipalities',
    expect: PLATFORM_ONLY,
    status: 201,
    prepare: async ({ t }) => {
      const code = await freeMunicipalityCode(t.db);
      return { payload: { country: 'SE', code, name: `Matrix ${code}`, population: 12000 }, state: { code } };
    },
    effect: async ({ t }, { state }) =>
      !!(await t.db.selectFrom('municipalities').select('id').where('country', '=', 'SE').where('code', '=', state!.code!).executeTakeFirst()),
  },
  {
    name: 'municipalities.get',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId',
    expect: outcomes({ rest: 'allow' }),
    foreign: platformSpansAll('allow'),
    check: ({ target }, res) => expect(res.json().id).toBe(target.municipality.id),
  },
  {
    name: 'municipalities.patch',
    method: 'PATCH',
    path: '/api/v1/municipalities/:municipalityId',
    expect: outcomes({ allow: ['municipal_admin', 'platform_admin'], rest: 'forbidden' }),
    foreign: platformSpansAll('allow'),
    prepare: () => {
      const name = unique('Kommune ');
      return { payload: { name }, state: { name } };
    },
    effect: async ({ t, target }, { state }) =>
      (await t.db.selectFrom('municipalities').select('name').where('id', '=', target.municipality.id).executeTakeFirstOrThrow()).name === state!.name,
  },
  {
    name: 'units.list',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/units',
    expect: outcomes({ rest: 'allow' }),
    note: 'The unit tree is not personal data: everyone who sees the municipality sees it.',
    foreign: platformSpansAll('allow'),
    check: ({ target }, res) => {
      const units = res.json() as { id: string; municipalityId: string }[];
      expect(units.map((u) => u.id)).toEqual(expect.arrayContaining(Object.values(target.units).map((u) => u.id)));
      expect(units.every((u) => u.municipalityId === target.municipality.id)).toBe(true);
    },
  },
  {
    name: 'units.create',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/units',
    expect: UNIT_ADMIN,
    foreign: UNITS_ARE_MUNICIPAL,
    status: 201,
    prepare: ({ target }) => {
      const name = unique('Team ');
      return { payload: { name, kind: 'team', parentId: target.units.unit.id }, state: { name } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('units').select('id').where('name', '=', state!.name!).executeTakeFirst()),
  },
  {
    name: 'units.create under another tenant\'s unit',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/units',
    expect: outcomes({ invalid: ['municipal_admin'], rest: 'forbidden' }),
    foreign: UNITS_ARE_MUNICIPAL,
    prepare: ({ other }) => {
      const name = unique('Team ');
      return { payload: { name, kind: 'team', parentId: other.units.unit.id }, state: { name } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('units').select('id').where('name', '=', state!.name!).executeTakeFirst()),
  },
  {
    name: 'units.patch',
    method: 'PATCH',
    path: '/api/v1/municipalities/:municipalityId/units/:unitId',
    expect: UNIT_ADMIN,
    foreign: UNITS_ARE_MUNICIPAL,
    prepare: async (ctx) => {
      const unit = await freshUnit(ctx.t.db, ctx.target);
      const name = unique('Renamed ');
      return { params: { unitId: unit.id }, payload: { name }, state: { unitId: unit.id, name } };
    },
    effect: async (ctx, { state }) => (await unitName(ctx, state!.unitId!))?.name === state!.name,
  },
  {
    name: 'units.patch another tenant\'s unit',
    method: 'PATCH',
    path: '/api/v1/municipalities/:municipalityId/units/:unitId',
    expect: outcomes({ notFound: ['municipal_admin'], rest: 'forbidden' }),
    foreign: UNITS_ARE_MUNICIPAL,
    prepare: async (ctx) => {
      const unit = await freshUnit(ctx.t.db, ctx.other);
      const name = unique('Renamed ');
      return { params: { unitId: unit.id }, payload: { name }, state: { unitId: unit.id, name } };
    },
    effect: async (ctx, { state }) => (await unitName(ctx, state!.unitId!))?.name === state!.name,
  },
  {
    name: 'units.patch moving under another tenant\'s unit',
    method: 'PATCH',
    path: '/api/v1/municipalities/:municipalityId/units/:unitId',
    expect: outcomes({ invalid: ['municipal_admin'], rest: 'forbidden' }),
    foreign: UNITS_ARE_MUNICIPAL,
    prepare: async (ctx) => {
      const unit = await freshUnit(ctx.t.db, ctx.target);
      return { params: { unitId: unit.id }, payload: { parentId: ctx.other.units.unit.id }, state: { unitId: unit.id, parentId: ctx.other.units.unit.id } };
    },
    effect: async (ctx, { state }) => (await unitName(ctx, state!.unitId!))?.parent_id === state!.parentId,
  },
  {
    name: 'units.delete',
    method: 'DELETE',
    path: '/api/v1/municipalities/:municipalityId/units/:unitId',
    expect: UNIT_ADMIN,
    foreign: UNITS_ARE_MUNICIPAL,
    prepare: async (ctx) => {
      const unit = await freshUnit(ctx.t.db, ctx.target);
      return { params: { unitId: unit.id }, state: { unitId: unit.id } };
    },
    effect: async (ctx, { state }) => (await unitName(ctx, state!.unitId!)) === null,
  },
  {
    name: 'units.delete another tenant\'s unit',
    method: 'DELETE',
    path: '/api/v1/municipalities/:municipalityId/units/:unitId',
    expect: outcomes({ notFound: ['municipal_admin'], rest: 'forbidden' }),
    foreign: UNITS_ARE_MUNICIPAL,
    prepare: async (ctx) => {
      const unit = await freshUnit(ctx.t.db, ctx.other);
      return { params: { unitId: unit.id }, state: { unitId: unit.id } };
    },
    effect: async (ctx, { state }) => (await unitName(ctx, state!.unitId!)) === null,
  },
];
