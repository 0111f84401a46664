import { expect } from 'vitest';
import { tokenHash } from '../../../src/server/modules/auth/session.repository.js';
import { sessionFor } from '../../factories.js';
import { send, outcomes, type MatrixEntry } from '../matrix.js';
import { KNOWN_PASSWORD, knownPasswordHash, NEW_PASSWORD, resetTokenFor, unique, userWithKnownPassword } from '../objects.js';

// Sign-in and the signed-in user's own account. These routes name no tenant,
// so there is no foreign run; what they must not do is show another tenant.

/** Public routes: anyone may call them, signed in or not. */
const EVERYONE = outcomes({ rest: 'allow', allow: ['anonymous'] });
/** The user's own account: every signed-in user, nobody else. */
const SIGNED_IN = outcomes({ rest: 'allow' });

export const authEntries: MatrixEntry[] = [
  {
    name: 'auth.login',
    method: 'POST',
    path: '/api/v1/auth/login',
    expect: EVERYONE,
    note: 'Public. Signs in a fresh account with a known password; a signed-in caller may sign in as someone else.',
    prepare: async ({ t }) => {
      const user = await userWithKnownPassword(t.db);
      return { payload: { email: user.email, password: KNOWN_PASSWORD }, state: { email: user.email } };
    },
    check: (_ctx, res, { state }) => {
      expect(res.json().user.email).toBe(state!.email);
      expect(String(res.headers['set-cookie'])).toMatch(/mestring_session=/);
    },
  },
  {
    name: 'auth.logout',
    method: 'POST',
    path: '/api/v1/auth/logout',
    expect: EVERYONE,
    note: 'Public (a visitor without a session gets ok). Signed-in roles sign out a throw-away session of their own.',
    prepare: async ({ t, userId }) => (userId ? { session: await sessionFor(t.db, userId) } : {}),
    check: async ({ t, session }, _res, prepared) => {
      if (!prepared.session) return;
      expect((await send(t.app, prepared.session, 'GET', '/api/v1/me')).statusCode).toBe(401);
      // Only that session ends.
      expect((await send(t.app, session, 'GET', '/api/v1/me')).statusCode).toBe(200);
    },
  },
  {
    name: 'auth.password-reset.request',
    method: 'POST',
    path: '/api/v1/auth/password-reset/request',
    expect: EVERYONE,
    status: 202,
    note: 'Public; always 202 so it cannot reveal which addresses have accounts.',
    prepare: async ({ t }) => {
      const user = await userWithKnownPassword(t.db);
      return { payload: { email: user.email }, state: { email: user.email } };
    },
    check: async ({ t }, _res, { state }) => {
      await t.smtp.waitFor((m) => m.to.includes(state!.email!));
    },
  },
  {
    name: 'auth.password-reset.confirm',
    method: 'POST',
    path: '/api/v1/auth/password-reset/confirm',
    expect: EVERYONE,
    note: 'Public; the token is the authorisation.',
    prepare: async ({ t }) => {
      const user = await userWithKnownPassword(t.db);
      const token = await resetTokenFor(t.db, user.id);
      return { payload: { token, newPassword: NEW_PASSWORD }, state: { token } };
    },
    effect: async ({ t }, { state }) => {
      const row = await t.db.selectFrom('password_reset_tokens').select('used_at').where('token_hash', '=', tokenHash(state!.token!)).executeTakeFirstOrThrow();
      return row.used_at !== null;
    },
  },
  {
    name: 'me.get',
    method: 'GET',
    path: '/api/v1/me',
    expect: SIGNED_IN,
    check: ({ role, actor, other }, res) => {
      const ids = res.json().municipalities.map((m: { id: string }) => m.id);
      expect(ids).toContain(actor.municipality.id);
      if (role !== 'platform_admin') expect(ids).not.toContain(other.municipality.id);
    },
  },
  {
    name: 'me.patch',
    method: 'PATCH',
    path: '/api/v1/me',
    expect: SIGNED_IN,
    prepare: () => {
      const displayName = unique('Renamed ');
      return { payload: { displayName }, state: { displayName } };
    },
    effect: async ({ t }, { state }) => !!(await t.db.selectFrom('users').select('id').where('display_name', '=', state!.displayName!).executeTakeFirst()),
  },
  {
    name: 'me.password',
    method: 'POST',
    path: '/api/v1/me/password',
    expect: SIGNED_IN,
    note: 'Each signed-in actor is given the known password first, so the change succeeds.',
    prepare: async ({ t, userId }) => {
      if (userId) await t.db.updateTable('users').set({ password_hash: await knownPasswordHash() }).where('id', '=', userId).execute();
      return { payload: { currentPassword: KNOWN_PASSWORD, newPassword: NEW_PASSWORD } };
    },
    effect: async ({ t, userId }) => {
      if (!userId) return false;
      const user = await t.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
      return user.password_hash !== (await knownPasswordHash());
    },
  },
];
