import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../test/factories.js';
import { type TestApp, createTestApp, errorCode } from '../../../../test/harness.js';
import { send } from '../../../../test/isolation/matrix.js';

// Loading the official municipality lists through the upload route.

// The lists live beside the repository in the development setup only; they
// are read in place, never copied into the repo.
const sharedFile = (country: string) => fileURLToPath(new URL(`../../../../../shared/data/municipalities-${country}.json`, import.meta.url));
const SKIP = '(skipped: ../shared/data/municipalities-*.json is not present in this checkout)';
const haveAll = ['no', 'se', 'dk'].every((c) => existsSync(sharedFile(c)));

let t: TestApp;
let tenant: Tenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await buildTenant(t.db);
});
afterAll(() => t.close());

const upload = (fileName: string, content: Buffer | string, session = tenant.sessions.platform_admin) =>
  send(t.app, session, 'POST', '/api/v1/registry/municipalities', { file: { fileName, content, contentType: fileName.endsWith('.json') ? 'application/json' : 'text/csv' } });
const countIn = async (country: string) =>
  Number((await t.db.selectFrom('municipality_registry').select((eb) => eb.fn.countAll<number>().as('n')).where('country', '=', country).executeTakeFirstOrThrow()).n);

describe('registry upload: validation and access', () => {
  it('rejects a file with a bad row with 422 IMPORT_INVALID, listing the rows, and inserts nothing', async () => {
    const csv = 'country;code;name;population;region\nDK;0101;København;650000;Hovedstaden\nDK;01x1;Ødelagt;12;Sjælland\nDK;0147;;1000;Hovedstaden\n';
    const res = await upload('dk.csv', csv);
    expect(res.statusCode).toBe(422);
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    expect(res.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 3, code: 'INVALID_CODE' }),
      expect.objectContaining({ row: 4, code: 'MISSING_NAME' }),
    ]);
    expect(await countIn('DK')).toBe(0);
  });

  it('rejects an unreadable file with 422 and a file error', async () => {
    const res = await upload('broken.json', '{"municipalities": [');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fileErrors).toEqual([expect.objectContaining({ code: 'INVALID_FILE' })]);
  });

  it('asks for multipart/form-data', async () => {
    const res = await send(t.app, tenant.sessions.platform_admin, 'POST', '/api/v1/registry/municipalities', { payload: { country: 'NO' } });
    expect(res.statusCode).toBe(415);
    expect(errorCode(res)).toBe('UNSUPPORTED_FILE');
  });

  it('is for platform administrators only', async () => {
    const file = JSON.stringify({ country: 'SE', municipalities: [{ code: '0114', name: 'Upplands Väsby' }] });
    for (const role of ['municipal_admin', 'network_coordinator', 'analyst'] as const) {
      const res = await upload('se.json', file, tenant.sessions[role]);
      expect(res.statusCode, role).toBe(403);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(errorCode(await upload('se.json', file, null))).toBe('UNAUTHENTICATED');
    expect(errorCode(await send(t.app, tenant.sessions.municipal_admin, 'GET', '/api/v1/registry/municipalities'))).toBe('FORBIDDEN');
    expect(await countIn('SE')).toBe(0);
  });
});

describe('registry upload: the official lists', () => {
  it.skipIf(!haveAll)(`loads NO, SE and DK (357, 290 and 98 municipalities), and a re-import updates instead of duplicating${haveAll ? '' : ` ${SKIP}`}`, async () => {
    for (const [country, expected] of [['no', 357], ['se', 290], ['dk', 98]] as const) {
      const res = await upload(`municipalities-${country}.json`, readFileSync(sharedFile(country)));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json()).toEqual({ inserted: expected, updated: 0, errors: [] });
      expect(await countIn(country.toUpperCase())).toBe(expected);
    }
    const again = await upload('municipalities-no.json', readFileSync(sharedFile('no')));
    expect(again.json()).toEqual({ inserted: 0, updated: 357, errors: [] });
    expect(await countIn('NO')).toBe(357);

    const events = await t.db.selectFrom('platform_audit_events').select(['action', 'after', 'actor_user_id']).where('action', '=', 'registry.import').execute();
    expect(events).toHaveLength(4);
    expect(events.every((e) => e.actor_user_id === tenant.users.platform_admin.id)).toBe(true);

    const oslo = await send(t.app, tenant.sessions.platform_admin, 'GET', '/api/v1/registry/municipalities?country=NO&q=oslo');
    expect(oslo.json()).toEqual([expect.objectContaining({ country: 'NO', code: '0301', name: 'Oslo' })]);
    const byCode = await send(t.app, tenant.sessions.platform_admin, 'GET', '/api/v1/registry/municipalities?q=0101');
    expect(byCode.json().map((e: { country: string }) => e.country)).toEqual(['DK']);
  });
});
