// Sign-in, sessions, CSRF, lock-out, rate limiting and password reset, end to
// end through the HTTP layer: real argon2id hashing, the real database and a
// real SMTP server receiving the reset e-mails.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../../../../test/factories.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/harness.js';

// Short, but long enough that a loaded CI machine still answers within it.
const LOCK_MS = 1500;
const HOST = 'localhost:3000';
const GOOD_PASSWORD = 'correct horse battery staple';

let t: TestApp;
beforeAll(async () => {
  // As deployed behind a reverse proxy (TRUST_PROXY=true): the tests pick client
  // addresses and schemes through X-Forwarded-* headers.
  t = await createTestApp({ loginLockMs: LOCK_MS, trustProxy: true });
});
afterAll(() => t.close());

// Every test signs in from its own address, so the per-address rate limit of
// one test never affects another.
let ipCounter = 0;
const freshIp = () => {
  ipCounter++;
  return `10.20.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};
let emailCounter = 0;
const freshEmail = (name = 'kari') => `${name}.${++emailCounter}.${Date.now().toString(36)}@kommune.example`;

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

function inject(method: 'GET' | 'POST' | 'PATCH', url: string, opts: { ip?: string; session?: Session | null; csrf?: string | null; headers?: Record<string, string>; payload?: object } = {}) {
  const headers: Record<string, string> = { host: HOST, 'x-forwarded-for': opts.ip ?? freshIp(), ...opts.headers };
  if (opts.session) headers.cookie = opts.session.cookie;
  const csrf = opts.csrf === undefined ? opts.session?.csrf : opts.csrf;
  if (csrf) headers['x-csrf-token'] = csrf;
  return t.app.inject({ method, url, headers, ...(opts.payload ? { payload: opts.payload } : {}) });
}

function login(email: string, password: string, opts: { ip?: string; headers?: Record<string, string> } = {}) {
  return inject('POST', '/api/v1/auth/login', { ...opts, payload: { email, password } });
}

/** The session a successful sign-in hands out: the cookie plus the CSRF token from the body. */
function sessionOf(res: Res): Session {
  const cookie = res.cookies.find((c) => c.name === 'mestring_session');
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  return { cookie: `mestring_session=${cookie.value}`, csrf: res.json().csrfToken };
}

function tokenOf(session: Session): string {
  return session.cookie.slice('mestring_session='.length);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const code = (res: Res) => res.json()?.error?.code;

async function expectErrorShape(res: Res, status: number, errorCode: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(errorCode);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
}

async function userRow(id: string) {
  return t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function sessionCount(userId: string) {
  const { n } = await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(n);
}

describe('sign-in', () => {
  it('signs in with an argon2id password, sets a hardened cookie, stores only the token hash, and signs out', async () => {
    const email = freshEmail();
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD });
    expect((await userRow(user.id)).password_hash).toMatch(/^\$argon2id\$/);

    const res = await login(email.toUpperCase(), GOOD_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, email });

    const cookie = res.cookies.find((c) => c.name === 'mestring_session');
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    expect(cookie!.path).toBe('/');
    expect(cookie!.secure).toBe(true); // Host is localhost: browsers accept Secure there
    const raw = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]).join('\n');
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Lax/);
    expect(raw).toMatch(/Path=\//);

    const session = sessionOf(res);
    const token = tokenOf(session);
    const rows = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(sha256(token));
    expect(rows[0]!.id).not.toContain(token);
    expect(rows[0]!.csrf_token).toBe(session.csrf);
    expect(rows[0]!.ip).toBeTruthy();

    const after = await userRow(user.id);
    expect(after.last_login_at).toBeInstanceOf(Date);
    expect(after.failed_login_count).toBe(0);

    const me = await inject('GET', '/api/v1/me', { session });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    expect(me.json().csrfToken).toBe(session.csrf);

    const out = await inject('POST', '/api/v1/auth/logout', { session });
    expect(out.statusCode, out.body).toBe(200);
    expect(await sessionCount(user.id)).toBe(0);
    const cleared = out.cookies.find((c) => c.name === 'mestring_session');
    expect(cleared?.value ?? '').toBe('');

    const again = await inject('GET', '/api/v1/me', { session });
    await expectErrorShape(again, 401, 'UNAUTHENTICATED');
  });

  it('marks the cookie Secure only for https or localhost', async () => {
    const email = freshEmail();
    await createUser(t.db, [], { email, password: GOOD_PASSWORD });
    const plain = await login(email, GOOD_PASSWORD, { headers: { host: 'mestring.kommune.example' } });
    expect(plain.statusCode, plain.body).toBe(200);
    expect(plain.cookies.find((c) => c.name === 'mestring_session')!.secure).toBeFalsy();

    const tls = await login(email, GOOD_PASSWORD, { headers: { host: 'mestring.kommune.example', 'x-forwarded-proto': 'https' } });
    expect(tls.statusCode, tls.body).toBe(200);
    expect(tls.cookies.find((c) => c.name === 'mestring_session')!.secure).toBe(true);
  });

  it('answers a wrong password and an unknown e-mail with the same error', async () => {
    const email = freshEmail();
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD });
    const wrong = await login(email, 'not the right password');
    await expectErrorShape(wrong, 401, 'INVALID_CREDENTIALS');
    expect(wrong.cookies.find((c) => c.name === 'mestring_session')).toBeUndefined();
    expect((await userRow(user.id)).failed_login_count).toBe(1);

    const unknown = await login(freshEmail('nobody'), 'not the right password');
    await expectErrorShape(unknown, 401, 'INVALID_CREDENTIALS');
    expect(unknown.json()).toEqual(wrong.json());
    expect(await sessionCount(user.id)).toBe(0);
  });

  it('refuses a disabled account and an account without a password', async () => {
    const email = freshEmail();
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD });
    await t.db.updateTable('users').set({ disabled: true }).where('id', '=', user.id).execute();
    await expectErrorShape(await login(email, GOOD_PASSWORD), 401, 'INVALID_CREDENTIALS');

    const invited = freshEmail();
    await createUser(t.db, [], { email: invited });
    await expectErrorShape(await login(invited, ''), 400, 'VALIDATION');
    await expectErrorShape(await login(invited, 'anything at all'), 401, 'INVALID_CREDENTIALS');
  });

  it('locks the account after 5 failures, even for the right password, then unlocks after the lock period', async () => {
    expect(t.deps.config.loginMaxFailures).toBe(5);
    const email = freshEmail();
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD });
    const ip = freshIp();
    for (let i = 1; i <= 5; i++) {
      await expectErrorShape(await login(email, `wrong password ${i}`, { ip }), 401, 'INVALID_CREDENTIALS');
    }
    const lockedAt = Date.now();
    const row = await userRow(user.id);
    expect(row.locked_until).toBeInstanceOf(Date);
    expect(row.locked_until!.getTime()).toBeLessThanOrEqual(lockedAt + LOCK_MS);
    expect(row.locked_until!.getTime()).toBeGreaterThan(lockedAt);

    const locked = await login(email, GOOD_PASSWORD, { ip });
    await expectErrorShape(locked, 423, 'ACCOUNT_LOCKED');
    expect(new Date(locked.json().error.details.lockedUntil).getTime()).toBe(row.locked_until!.getTime());
    expect(await sessionCount(user.id)).toBe(0);

    const audit = await t.db.selectFrom('platform_audit_events').selectAll().where('entity_id', '=', user.id).where('action', '=', 'user.locked').execute();
    expect(audit).toHaveLength(1);

    await new Promise((r) => setTimeout(r, Math.max(0, row.locked_until!.getTime() - Date.now()) + 50));
    const ok = await login(email, GOOD_PASSWORD, { ip });
    expect(ok.statusCode, ok.body).toBe(200);
    const unlocked = await userRow(user.id);
    expect(unlocked.locked_until).toBeNull();
    expect(unlocked.failed_login_count).toBe(0);
  });

  it('rate-limits more than 10 attempts a minute for the same address and e-mail, in the one error shape', async () => {
    const ip = freshIp();
    const email = freshEmail('guess');
    for (let i = 1; i <= 10; i++) {
      const res = await login(email, `guess number ${i}`, { ip });
      expect(res.statusCode, `attempt ${i}: ${res.body}`).toBe(401);
    }
    const limited = await login(email, 'guess number 11', { ip });
    await expectErrorShape(limited, 429, 'RATE_LIMITED');

    // The key is address + account: one office behind a shared address is not locked out.
    const colleague = freshEmail('colleague');
    await createUser(t.db, [], { email: colleague, password: GOOD_PASSWORD });
    const other = await login(colleague, GOOD_PASSWORD, { ip });
    expect(other.statusCode, other.body).toBe(200);
    // …and the same account from another address is not limited either.
    expect((await login(email, 'guess number 12')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a PATCH or POST with the session cookie but a missing or wrong X-CSRF-Token, and changes nothing', async () => {
    const email = freshEmail();
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD, language: 'nb' });
    const session = sessionOf(await login(email, GOOD_PASSWORD));

    await expectErrorShape(await inject('PATCH', '/api/v1/me', { session, csrf: null, payload: { preferredLanguage: 'en' } }), 403, 'CSRF_INVALID');
    await expectErrorShape(await inject('PATCH', '/api/v1/me', { session, csrf: 'x'.repeat(session.csrf.length), payload: { preferredLanguage: 'en' } }), 403, 'CSRF_INVALID');
    await expectErrorShape(await inject('PATCH', '/api/v1/me', { session, csrf: 'short', payload: { preferredLanguage: 'en' } }), 403, 'CSRF_INVALID');
    // Another session's token does not fit this session.
    const other = await sessionFor(t.db, user.id);
    await expectErrorShape(await inject('PATCH', '/api/v1/me', { session, csrf: other.csrf, payload: { preferredLanguage: 'en' } }), 403, 'CSRF_INVALID');
    expect((await userRow(user.id)).preferred_language).toBe('nb');

    await expectErrorShape(await inject('POST', '/api/v1/auth/logout', { session, csrf: null }), 403, 'CSRF_INVALID');
    await expectErrorShape(
      await inject('POST', '/api/v1/me/password', { session, csrf: null, payload: { currentPassword: GOOD_PASSWORD, newPassword: 'a brand new long passphrase' } }),
      403,
      'CSRF_INVALID',
    );
    expect(await sessionCount(user.id)).toBe(2);
    expect((await inject('GET', '/api/v1/me', { session })).statusCode).toBe(200);
    const stillOld = await login(email, GOOD_PASSWORD);
    expect(stillOld.statusCode).toBe(200);

    const audits = await t.db.selectFrom('platform_audit_events').select('action').where('entity_id', '=', user.id).execute();
    expect(audits).toEqual([]);

    // With the right token the same request goes through.
    const ok = await inject('PATCH', '/api/v1/me', { session, payload: { preferredLanguage: 'en' } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses sign-in from a foreign Origin but accepts the same origin', async () => {
    const email = freshEmail();
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD });
    await expectErrorShape(await login(email, GOOD_PASSWORD, { headers: { origin: 'https://evil.example' } }), 403, 'CSRF_INVALID');
    await expectErrorShape(await login(email, GOOD_PASSWORD, { headers: { origin: 'http://localhost:3001' } }), 403, 'CSRF_INVALID');
    // Browsers send "Origin: null" from sandboxed frames and file: pages.
    await expectErrorShape(await login(email, GOOD_PASSWORD, { headers: { origin: 'null' } }), 403, 'CSRF_INVALID');
    await expectErrorShape(
      await inject('POST', '/api/v1/auth/password-reset/request', { headers: { origin: 'https://evil.example' }, payload: { email } }),
      403,
      'CSRF_INVALID',
    );
    expect(await sessionCount(user.id)).toBe(0);

    const same = await login(email, GOOD_PASSWORD, { headers: { origin: `http://${HOST}` } });
    expect(same.statusCode, same.body).toBe(200);
    // Behind a reverse proxy that rewrites Host, the forwarded host is the origin's host.
    const proxied = await login(email, GOOD_PASSWORD, {
      headers: { origin: 'https://mestring.kommune.example', host: '127.0.0.1:3000', 'x-forwarded-host': 'mestring.kommune.example', 'x-forwarded-proto': 'https' },
    });
    expect(proxied.statusCode, proxied.body).toBe(200);
  });
});

describe('password reset over SMTP', () => {
  const tokenIn = (text: string) => {
    const m = /\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(text);
    if (!m) throw new Error(`no reset link in:\n${text}`);
    return decodeURIComponent(m[1]!);
  };

  async function requestReset(email: string) {
    const res = await inject('POST', '/api/v1/auth/password-reset/request', { payload: { email } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    return res;
  }

  function confirm(token: string, newPassword: string) {
    return inject('POST', '/api/v1/auth/password-reset/confirm', { payload: { token, newPassword } });
  }

  it('mails a link in the preferred language; the token sets the password once, ends every session, and expires', async () => {
    const email = freshEmail('astrid');
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD, language: 'sv', displayName: 'Astrid Lindqvist' });
    const s1 = sessionOf(await login(email, GOOD_PASSWORD));
    const s2 = sessionOf(await login(email, GOOD_PASSWORD));
    expect(await sessionCount(user.id)).toBe(2);

    await requestReset(email.toUpperCase());
    const mail = await t.smtp.waitFor((m) => m.to.includes(email));
    // (test/mail-parse.ts leaves a double space where nodemailer folds encoded words)
    expect(mail.subject).toBe('Återställ ditt lösenord i Mestring');
    expect(mail.text).toContain('Hej Astrid Lindqvist');
    expect(mail.text).toContain('http://localhost:3000/reset-password?token=');
    const token = tokenIn(mail.text);
    const hashBefore = (await userRow(user.id)).password_hash;
    // Only the hash is stored.
    const stored = await t.db.selectFrom('password_reset_tokens').selectAll().where('user_id', '=', user.id).execute();
    expect(stored.map((r) => r.token_hash)).toEqual([sha256(token)]);

    // A weak password is refused and does not use up the link.
    const weak = await confirm(token, 'passwordpassword');
    await expectErrorShape(weak, 400, 'WEAK_PASSWORD');
    const nameInPassword = await confirm(token, `${email.split('@')[0]}-2024!`);
    await expectErrorShape(nameInPassword, 400, 'WEAK_PASSWORD');
    await expectErrorShape(await confirm(token, 'short'), 400, 'VALIDATION');
    expect((await userRow(user.id)).password_hash).toBe(hashBefore);
    expect(await sessionCount(user.id)).toBe(2);

    const newPassword = 'a completely new passphrase';
    const ok = await confirm(token, newPassword);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await userRow(user.id)).password_hash).toMatch(/^\$argon2id\$/);
    expect(await sessionCount(user.id)).toBe(0);
    await expectErrorShape(await inject('GET', '/api/v1/me', { session: s1 }), 401, 'UNAUTHENTICATED');
    await expectErrorShape(await inject('GET', '/api/v1/me', { session: s2 }), 401, 'UNAUTHENTICATED');
    const audit = await t.db.selectFrom('platform_audit_events').select('action').where('entity_id', '=', user.id).where('action', '=', 'user.password_reset').execute();
    expect(audit).toHaveLength(1);

    await expectErrorShape(await login(email, GOOD_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(email, newPassword)).statusCode).toBe(200);

    // Once only.
    await expectErrorShape(await confirm(token, 'yet another long passphrase'), 400, 'TOKEN_INVALID');
    expect((await login(email, newPassword)).statusCode).toBe(200);
  });

  it('refuses an expired token', async () => {
    const email = freshEmail('ola');
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD, language: 'nb', displayName: 'Ola Nordmann' });
    await requestReset(email);
    const mail = await t.smtp.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe('Tilbakestill passordet ditt i Mestring');
    const token = tokenIn(mail.text);
    await t.db.updateTable('password_reset_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.id).execute();
    await expectErrorShape(await confirm(token, 'a completely new passphrase'), 400, 'TOKEN_INVALID');
    await expectErrorShape(await confirm('x'.repeat(43), 'a completely new passphrase'), 400, 'TOKEN_INVALID');
    expect((await login(email, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 202 for an unknown e-mail and sends nothing', async () => {
    const before = t.smtp.received.length;
    const email = freshEmail('ghost');
    await requestReset(email);
    // The known-address path awaits the SMTP server's acceptance before
    // answering; give a stray mail a moment anyway.
    await new Promise((r) => setTimeout(r, 300));
    expect(t.smtp.received.slice(before).filter((m) => m.to.includes(email))).toEqual([]);
    expect(t.smtp.received.length).toBe(before);
  });
});

describe('account', () => {
  it('changes the password only with the current one, keeps this session and ends the others', async () => {
    const email = freshEmail('bjorn');
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD });
    const mine = sessionOf(await login(email, GOOD_PASSWORD));
    const other = sessionOf(await login(email, GOOD_PASSWORD));
    const third = await sessionFor(t.db, user.id);
    const newPassword = 'another fine long passphrase';

    await expectErrorShape(
      await inject('POST', '/api/v1/me/password', { session: mine, payload: { currentPassword: 'not my password', newPassword } }),
      401,
      'INVALID_CREDENTIALS',
    );
    await expectErrorShape(
      await inject('POST', '/api/v1/me/password', { session: mine, payload: { currentPassword: GOOD_PASSWORD, newPassword: 'aaaaaaaaaaaaaaaa' } }),
      400,
      'WEAK_PASSWORD',
    );
    expect(await sessionCount(user.id)).toBe(3);

    const res = await inject('POST', '/api/v1/me/password', { session: mine, payload: { currentPassword: GOOD_PASSWORD, newPassword } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await sessionCount(user.id)).toBe(1);
    expect((await inject('GET', '/api/v1/me', { session: mine })).statusCode).toBe(200);
    await expectErrorShape(await inject('GET', '/api/v1/me', { session: other }), 401, 'UNAUTHENTICATED');
    await expectErrorShape(await inject('GET', '/api/v1/me', { session: third }), 401, 'UNAUTHENTICATED');

    await expectErrorShape(await login(email, GOOD_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login(email, newPassword)).statusCode).toBe(200);
    const audit = await t.db.selectFrom('platform_audit_events').select('action').where('entity_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toContain('user.password_changed');
  });

  it('PATCH /me changes the language and writes a platform audit event', async () => {
    const email = freshEmail('soren');
    const user = await createUser(t.db, [], { email, password: GOOD_PASSWORD, language: 'nb' });
    const session = sessionOf(await login(email, GOOD_PASSWORD));
    const res = await inject('PATCH', '/api/v1/me', { session, payload: { preferredLanguage: 'da' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.preferredLanguage).toBe('da');
    expect((await userRow(user.id)).preferred_language).toBe('da');
    expect((await inject('GET', '/api/v1/me', { session })).json().user.preferredLanguage).toBe('da');

    const audit = await t.db.selectFrom('platform_audit_events').selectAll().where('entity_id', '=', user.id).where('action', '=', 'user.update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_user_id: user.id, entity_type: 'user', network_id: null });
    expect(audit[0]!.before).toMatchObject({ preferred_language: 'nb' });
    expect(audit[0]!.after).toMatchObject({ preferred_language: 'da' });
    expect(audit[0]!.request_id).toBeTruthy();

    await expectErrorShape(await inject('PATCH', '/api/v1/me', { session, payload: { preferredLanguage: 'fr' } }), 400, 'VALIDATION');
  });

  it('answers an expired session with 401 and clears the cookie', async () => {
    const user = await createUser(t.db, []);
    const session = await sessionFor(t.db, user.id);
    expect((await inject('GET', '/api/v1/me', { session })).statusCode).toBe(200);
    await t.db.updateTable('sessions').set({ expires_at: sql<Date>`now() - interval '1 second'` }).where('user_id', '=', user.id).execute();

    const res = await inject('GET', '/api/v1/me', { session });
    await expectErrorShape(res, 401, 'UNAUTHENTICATED');
    const cleared = res.cookies.find((c) => c.name === 'mestring_session');
    expect(cleared, JSON.stringify(res.headers['set-cookie'])).toBeDefined();
    expect(cleared!.value).toBe('');
    expect(cleared!.path).toBe('/');
    const expired = (cleared!.expires && cleared!.expires.getTime() <= Date.now()) || cleared!.maxAge === 0;
    expect(expired).toBe(true);

    // An unsafe request with a dead session is unauthenticated, not a CSRF failure.
    await expectErrorShape(await inject('PATCH', '/api/v1/me', { session, payload: { preferredLanguage: 'en' } }), 401, 'UNAUTHENTICATED');
  });
});

describe('without a trusted proxy', () => {
  it('ignores X-Forwarded-For, so a client cannot pick a fresh address to dodge the rate limit', async () => {
    const direct = await createTestApp();
    try {
      const attempt = (i: number) =>
        direct.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
          payload: { email: 'nobody@test.example', password: 'wrong-password-123' },
        });
      const codes: number[] = [];
      for (let i = 1; i <= 11; i++) codes.push((await attempt(i)).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes[10]).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
