import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createUser, type Tenant } from '../../../../../test/factories.js';
import { scorm12Zip } from '../../../../../test/fixtures/packages/packages.js';
import { packageTestConfig, tempDataDir, uploadPackage } from '../../../../../test/fixtures/packages/upload.js';
import { call, createTestApp, type TestApp } from '../../../../../test/harness.js';
import type { ContentLink } from '../../../../shared/api/packages.js';
import { contentKey, signContentToken, verifyContentToken } from './content-token.js';

// The content origin: package files are served only there, under a signed
// token, with headers that stop sniffing and caching by others, and never a
// cookie; the app's own routes do not exist there.

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let m: Tenant;
let link: ContentLink;
let ids: { packageId: string; versionId: string };
beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
  m = await buildTenant(t.db);
  const up = await uploadPackage(t, m.sessions.municipal_admin!, m.municipality.id, scorm12Zip());
  ids = { packageId: up.status.packageId, versionId: up.status.packageVersionId };
  link = (await call(t.app, m.sessions.leader!, 'GET', `/api/v1/municipalities/${m.municipality.id}/packages/${ids.packageId}/versions/${ids.versionId}/content-link`)).json();
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

const CONTENT_HOST = '127.0.0.1:3000';
const APP_HOST = 'localhost:3000';
/** A request as a browser on the given host sends it: path from the URL, Host header, optional cookie. */
function get(url: string, host = CONTENT_HOST, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') {
  const path = url.startsWith('http') ? url.replace(/^https?:\/\/[^/]+/, '') : url;
  return t.app.inject({ method, url: path, headers: { host, ...headers } });
}
const tokenOf = (l: ContentLink) => /\/content\/([^/]+)\//.exec(l.baseUrl)![1]!;

describe('the content origin', () => {
  it('is another host than the app, so the app\'s host-only cookies are never sent to it', async () => {
    const { publicUrl, contentUrl } = t.deps.config;
    expect(new URL(contentUrl!).hostname).not.toBe(new URL(publicUrl).hostname);
    expect(link.baseUrl.startsWith(`${contentUrl}/content/`)).toBe(true);
    expect(link.launchUrl).toBe(`${link.baseUrl}index.html?lang=nb`);
    // The session cookie carries no Domain attribute (host-only) and is HttpOnly.
    const user = await createUser(t.db, [], { password: 'content origin test 42 ok' });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { host: APP_HOST }, payload: { email: user.email, password: 'content origin test 42 ok' } });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/mestring_session=/);
    expect(setCookie).not.toMatch(/domain=/i);
    expect(setCookie).toMatch(/HttpOnly/i);
  });

  it('serves a package file with its type, nosniff, private caching, and no cookie even when one is sent', async () => {
    const res = await get(link.launchUrl!, CONTENT_HOST, { cookie: m.sessions.municipal_admin!.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Lesson</title>');
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['content-security-policy']).toBe(`frame-ancestors 'self' ${t.deps.config.publicUrl}`);
    expect(res.headers['set-cookie']).toBeUndefined();
    const css = await get(`${link.baseUrl}css/style.css`);
    expect(css.headers['content-type']).toBe('text/css');
    const js = await get(`${link.baseUrl}js/api.js`);
    expect(js.headers['content-type']).toBe('text/javascript');
    const head = await get(`${link.baseUrl}index.html`, CONTENT_HOST, {}, 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(10);
  });

  it('answers byte ranges (media seeking) and refuses impossible ones', async () => {
    const res = await get(`${link.baseUrl}css/style.css`, CONTENT_HOST, { range: 'bytes=0-3' });
    expect(res.statusCode).toBe(206);
    expect(res.body).toBe('body');
    expect(res.headers['content-range']).toMatch(/^bytes 0-3\/\d+$/);
    expect((await get(`${link.baseUrl}css/style.css`, CONTENT_HOST, { range: 'bytes=9999-' })).statusCode).toBe(416);
  });

  it('does not serve content on the app host, where it could use the session', async () => {
    const res = await get(link.launchUrl!, APP_HOST, { cookie: m.sessions.municipal_admin!.cookie });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<title>Lesson</title>');
  });

  it('answers 404 for the API, the LRS and the web app on the content host, even with a valid session cookie', async () => {
    for (const path of ['/api/v1/auth/me', `/api/v1/municipalities/${m.municipality.id}/packages`, '/api/health', '/xapi/about', '/', '/index.html']) {
      const res = await get(path, CONTENT_HOST, { cookie: m.sessions.municipal_admin!.cookie });
      expect(res.statusCode, path).toBe(404);
      expect(res.headers['set-cookie'], path).toBeUndefined();
    }
    // The same API call on the app host works.
    expect((await get(`/api/v1/municipalities/${m.municipality.id}/packages`, APP_HOST, { cookie: m.sessions.municipal_admin!.cookie })).statusCode).toBe(200);
  });
});

describe('content tokens', () => {
  it('refuses a forged or altered token with 404', async () => {
    const token = tokenOf(link);
    const [mun, pkg, version, expires, sig] = token.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    const other = await buildTenant(t.db);
    for (const forged of [
      `${mun}.${pkg}.${version}.${expires}.${flip(sig!)}`,
      `${mun}.${pkg}.${Number(version) + 1}.${expires}.${sig}`,
      `${mun}.${pkg}.${version}.${Number(expires) + 3600}.${sig}`,
      `${other.municipality.id}.${pkg}.${version}.${expires}.${sig}`,
      `${mun}.${pkg}.${version}.${expires}`,
      'not-a-token',
    ]) {
      const res = await get(`/content/${forged}/index.html`);
      expect(res.statusCode, forged).toBe(404);
    }
  });

  it('refuses an expired token with 403, and a token signed with another key', async () => {
    const key = await contentKey(t.db);
    const grant = { municipalityId: m.municipality.id, packageId: ids.packageId, version: 1 };
    const expired = signContentToken(key, { ...grant, expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expect((await get(`/content/${expired}/index.html`)).statusCode).toBe(403);
    const wrongKey = signContentToken(Buffer.alloc(32, 7), { ...grant, expiresAt: Math.floor(Date.now() / 1000) + 600 });
    expect((await get(`/content/${wrongKey}/index.html`)).statusCode).toBe(404);
  });

  it('uses the key kept in the database, so every server process accepts the same tokens', async () => {
    const row = await t.db.selectFrom('app_secrets').select('secret').where('name', '=', 'content-token-hmac').executeTakeFirstOrThrow();
    const token = signContentToken(Buffer.from(row.secret), { municipalityId: m.municipality.id, packageId: ids.packageId, version: 1, expiresAt: Math.floor(Date.now() / 1000) + 60 });
    expect((await get(`/content/${token}/index.html`)).statusCode).toBe(200);
    expect(verifyContentToken(Buffer.from(row.secret), tokenOf(link), Math.floor(Date.now() / 1000)).ok).toBe(true);
  });

  it('gives a token for one version access to that version only', async () => {
    const key = await contentKey(t.db);
    const v2 = signContentToken(key, { municipalityId: m.municipality.id, packageId: ids.packageId, version: 2, expiresAt: Math.floor(Date.now() / 1000) + 60 });
    expect((await get(`/content/${v2}/index.html`)).statusCode).toBe(404);
  });
});

describe('paths inside the package', () => {
  it.each([
    '../../../../etc/passwd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '%2e%2e/%2e%2e/imsmanifest.xml',
    'css/%2e%2e/%2e%2e/%2e%2e/x',
    'css%2fstyle.css',
    '..%5c..%5cimsmanifest.xml',
    '%00index.html',
    'index.html%00.png',
    '',
    'css',
    'css/',
    'missing.html',
    `../2/index.html`,
  ])('refuses %s', async (path) => {
    const res = await get(`${link.baseUrl}${path}`);
    expect(res.statusCode, path).toBe(404);
    expect(res.body).not.toContain('root:');
  });

  it('serves files whose names need percent-encoding', async () => {
    const up = await uploadPackage(
      t,
      m.sessions.municipal_admin!,
      m.municipality.id,
      scorm12Zip({ identifier: 'encoded', href: 'sider/side én.html', files: ['sider/side én.html', 'css/style.css', 'js/api.js'] }),
    );
    const l = (await call(t.app, m.sessions.municipal_admin!, 'GET', `/api/v1/municipalities/${m.municipality.id}/packages/${up.status.packageId}/versions/${up.status.packageVersionId}/content-link`)).json<ContentLink>();
    expect(l.launchUrl).toBe(`${l.baseUrl}sider/side%20%C3%A9n.html?lang=nb`);
    expect((await get(l.launchUrl!)).statusCode).toBe(200);
  });
});
