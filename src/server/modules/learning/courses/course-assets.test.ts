import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../../../test/fixtures/packages/upload.js';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { createTestApp, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';
import { multipartBody } from '../../../../../test/isolation/multipart.js';
import { ASSET_MAX_BYTES, sniffAsset } from './asset-sniff.js';
import { insertCourseItem } from './course-test-helpers.js';

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp({ dataDir: data.dataDir });
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('0123456789abcdefghij')]);
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(200, 7)]);
const VTT = Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\nHei\n');
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function upload(session: Session | null, m: Tenant, item: string, fileName: string, content: Buffer, contentType = 'application/octet-stream') {
  const mp = multipartBody({ fileName, content, contentType });
  const headers: Record<string, string> = { 'content-type': mp.contentType };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  return t.app.inject({ method: 'POST', url: `/api/v1/municipalities/${m.municipality.id}/learning/items/${item}/assets`, headers, payload: mp.body });
}
const fetchAsset = (session: Session | null, url: string, range?: string) =>
  t.app.inject({ method: 'GET', url, headers: { ...(session ? { cookie: session.cookie } : {}), ...(range ? { range } : {}) } });
const assetRows = async (item: string) => t.db.selectFrom('learning_assets').select('id').where('item_id', '=', item).execute();

describe('course assets', () => {
  it('stores a picture by its bytes (not its name) and serves it with that type and nosniff', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id);
    const res = await upload(m.sessions.competence_advisor, m, item, 'hands.jpg', PNG, 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const asset = res.json();
    expect(asset).toMatchObject({ kind: 'image', contentType: 'image/png', fileName: 'hands.jpg', sizeBytes: PNG.length });
    const row = await t.db.selectFrom('learning_assets').select('storage_key').where('id', '=', asset.id).executeTakeFirstOrThrow();
    expect(row.storage_key).toBe(`learning/${m.municipality.id}/${item}/${asset.id}`);

    const served = await fetchAsset(m.sessions.employee, asset.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(PNG)).toBe(true);
  });

  it('serves byte ranges of a film', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id);
    const asset = (await upload(m.sessions.municipal_admin, m, item, 'film.mp4', MP4)).json();
    expect(asset).toMatchObject({ kind: 'video', contentType: 'video/mp4' });
    const part = await fetchAsset(m.sessions.employee, asset.url, 'bytes=4-11');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${MP4.length}`);
    expect(part.rawPayload.toString()).toBe('ftypisom');
    expect((await fetchAsset(m.sessions.employee, asset.url, `bytes=${MP4.length + 5}-`)).statusCode).toBe(416);
    const captions = (await upload(m.sessions.municipal_admin, m, item, 'film.vtt', VTT)).json();
    expect(captions).toMatchObject({ kind: 'captions', contentType: 'text/vtt' });
  });

  it('refuses SVG, unknown types and files over their kind’s cap, keeping nothing', async () => {
    const m = await buildTenant(t.db);
    const item = await insertCourseItem(t.db, m.municipality.id);
    const admin = m.sessions.municipal_admin;
    const svg = await upload(admin, m, item, 'logo.svg', SVG, 'image/svg+xml');
    expect(svg.statusCode).toBe(415);
    expect(svg.json().error.details.reason).toBe('SVG_NOT_ALLOWED');
    const disguised = await upload(admin, m, item, 'photo.png', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    expect(disguised.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE', details: { reason: 'UNKNOWN_TYPE' } });
    const huge = Buffer.concat([PNG, Buffer.alloc(ASSET_MAX_BYTES.image)]);
    const big = await upload(admin, m, item, 'big.png', huge);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.details).toMatchObject({ reason: 'ASSET_TOO_LARGE', maxBytes: ASSET_MAX_BYTES.image });
    expect(await assetRows(item)).toEqual([]);
  });

  it('lets only authors upload, and keeps a draft course’s files from its learners', async () => {
    const m = await buildTenant(t.db);
    const draft = await insertCourseItem(t.db, m.municipality.id, { status: 'draft' });
    expect(errorCode(await upload(m.sessions.employee, m, draft, 'a.png', PNG))).toBe('FORBIDDEN');
    const asset = (await upload(m.sessions.municipal_admin, m, draft, 'a.png', PNG)).json();
    expect(errorCode(await fetchAsset(m.sessions.employee, asset.url))).toBe('NOT_FOUND');
    expect((await fetchAsset(m.sessions.municipal_admin, asset.url)).statusCode).toBe(200);
    const other = await buildTenant(t.db);
    expect(errorCode(await fetchAsset(other.sessions.municipal_admin, asset.url))).toBe('NOT_FOUND');
    expect(errorCode(await fetchAsset(null, asset.url))).toBe('UNAUTHENTICATED');
  });
});

describe('sniffing', () => {
  it('knows each accepted type by its first bytes', () => {
    expect(sniffAsset(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ kind: 'image', contentType: 'image/jpeg' });
    expect(sniffAsset(Buffer.from('GIF89a....'))).toEqual({ kind: 'image', contentType: 'image/gif' });
    expect(sniffAsset(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toEqual({ kind: 'image', contentType: 'image/webp' });
    expect(sniffAsset(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1]))).toEqual({ kind: 'video', contentType: 'video/webm' });
    expect(sniffAsset(Buffer.from('\uFEFFWEBVTT\n'))).toEqual({ kind: 'captions', contentType: 'text/vtt' });
    expect(sniffAsset(Buffer.from('WEBVTTX'))).toEqual({ refused: 'UNKNOWN_TYPE' });
    expect(sniffAsset(Buffer.from('  <!-- made by hand -->\n<svg width="1">'))).toEqual({ refused: 'SVG_NOT_ALLOWED' });
  });
});
