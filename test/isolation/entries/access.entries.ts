import { expect } from 'vitest';
import type { ActorRole } from '../../factories.js';
import { outcomes, platformSpansAll, type MatrixContext, type MatrixEntry } from '../matrix.js';
import { freshMunicipalGrant, freshNetworkGrant, unique } from '../objects.js';

// Role grants: who may hand out access, in a municipality and in a network.

const GRANT_ADMINS = outcomes({ allow: ['municipal_admin', 'platform_admin'], rest: 'forbidden' });
const INSIDE_ONLY: ActorRole[] = ['employee', 'leader', 'ombud'];
const NETWORK_GRANT_ADMIN = outcomes({ allow: ['platform_admin'], notFound: INSIDE_ONLY, rest: 'forbidden' });

const grantExists = async ({ t }: MatrixContext, id: string) => !!(await t.db.selectFrom('role_grants').select('id').where('id', '=', id).executeTakeFirst());
const grantForEmail = async ({ t }: MatrixContext, email: string) =>
  !!(await t.db.selectFrom('role_grants').innerJoin('users', 'users.id', 'role_grants.user_id').select('role_grants.id').where('users.email', '=', email).executeTakeFirst());

export const accessEntries: MatrixEntry[] = [
  {
    name: 'role-grants.list',
    method: 'GET',
    path: '/api/v1/municipalities/:municipalityId/role-grants',
    expect: GRANT_ADMINS,
    foreign: platformSpansAll('allow'),
    check: ({ target }, res) => {
      const grants = res.json() as { municipalityId: string; userId: string }[];
      expect(grants.length).toBeGreaterThan(0);
      expect(grants.every((g) => g.municipalityId === target.municipality.id)).toBe(true);
      expect(grants.map((g) => g.userId)).toContain(target.users.municipal_admin.id);
    },
  },
  {
    name: 'role-grants.create',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/role-grants',
    expect: GRANT_ADMINS,
    foreign: platformSpansAll('allow'),
    status: 201,
    prepare: ({ target }) => {
      const email = `${unique('leader')}@test.example`;
      return { payload: { email, role: 'leader', unitId: target.units.unit.id }, state: { email } };
    },
    effect: (ctx, { state }) => grantForEmail(ctx, state!.email!),
  },
  {
    name: 'role-grants.create on another tenant\'s unit',
    method: 'POST',
    path: '/api/v1/municipalities/:municipalityId/role-grants',
    expect: outcomes({ invalid: ['municipal_admin', 'platform_admin'], rest: 'forbidden' }),
    foreign: platformSpansAll('invalid'),
    prepare: ({ other }) => {
      const email = `${unique('leader')}@test.example`;
      return { payload: { email, role: 'leader', unitId: other.units.unit.id }, state: { email } };
    },
    effect: (ctx, { state }) => grantForEmail(ctx, state!.email!),
  },
  {
    name: 'role-grants.delete',
    method: 'DELETE',
    path: '/api/v1/municipalities/:municipalityId/role-grants/:grantId',
    expect: GRANT_ADMINS,
    foreign: platformSpansAll('allow'),
    prepare: async (ctx) => {
      const grantId = await freshMunicipalGrant(ctx.t.db, ctx.target);
      return { params: { grantId }, state: { grantId } };
    },
    effect: async (ctx, { state }) => !(await grantExists(ctx, state!.grantId!)),
  },
  {
    name: 'role-grants.delete another tenant\'s grant',
    method: 'DELETE',
    path: '/api/v1/municipalities/:municipalityId/role-grants/:grantId',
    expect: outcomes({ notFound: ['municipal_admin', 'platform_admin'], rest: 'forbidden' }),
    prepare: async (ctx) => {
      const grantId = await freshMunicipalGrant(ctx.t.db, ctx.other);
      return { params: { grantId }, state: { grantId } };
    },
    effect: async (ctx, { state }) => !(await grantExists(ctx, state!.grantId!)),
  },
  {
    name: 'network-role-grants.list',
    method: 'GET',
    path: '/api/v1/networks/:networkId/role-grants',
    expect: outcomes({ allow: ['network_coordinator', 'platform_admin'], notFound: INSIDE_ONLY, rest: 'forbidden' }),
    foreign: platformSpansAll('allow'),
    check: ({ target }, res) => {
      const grants = res.json() as { networkId: string; userId: string }[];
      expect(grants.every((g) => g.networkId === target.network.id)).toBe(true);
      expect(grants.map((g) => g.userId)).toContain(target.users.network_coordinator.id);
    },
  },
  {
    name: 'network-role-grants.create',
    method: 'POST',
    path: '/api/v1/networks/:networkId/role-grants',
    expect: NETWORK_GRANT_ADMIN,
    foreign: platformSpansAll('allow'),
    status: 201,
    prepare: () => {
      const email = `${unique('analyst')}@test.example`;
      return { payload: { email, role: 'analyst' }, state: { email } };
    },
    effect: (ctx, { state }) => grantForEmail(ctx, state!.email!),
  },
  {
    name: 'network-role-grants.delete',
    method: 'DELETE',
    path: '/api/v1/networks/:networkId/role-grants/:grantId',
    expect: NETWORK_GRANT_ADMIN,
    foreign: platformSpansAll('allow'),
    prepare: async (ctx) => {
      const grantId = await freshNetworkGrant(ctx.t.db, ctx.target);
      return { params: { grantId }, state: { grantId } };
    },
    effect: async (ctx, { state }) => !(await grantExists(ctx, state!.grantId!)),
  },
  {
    name: 'network-role-grants.delete another network\'s grant',
    method: 'DELETE',
    path: '/api/v1/networks/:networkId/role-grants/:grantId',
    expect: outcomes({ notFound: ['platform_admin', ...INSIDE_ONLY], rest: 'forbidden' }),
    prepare: async (ctx) => {
      const grantId = await freshNetworkGrant(ctx.t.db, ctx.other);
      return { params: { grantId }, state: { grantId } };
    },
    effect: async (ctx, { state }) => !(await grantExists(ctx, state!.grantId!)),
  },
];
