import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../test/harness.js';
import { send } from '../../../../test/isolation/matrix.js';
import { LANGUAGES } from '../../../shared/domain.js';
import { ensureBuiltInFrameworks } from './frameworks.service.js';
import { buildStarterFramework, STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from './starter/starter-framework.js';

// The framework library through the API: the built-in starter framework,
// reading versions and statements, and importing files (DigComp JSON, CSV) as
// a platform administrator, with versioning, conflicts and the audit trail.

// The DigComp files live beside the repository in the development setup only;
// they are read in place, never copied into the repo.
const sharedData = (name: string) => fileURLToPath(new URL(`../../../../../shared/data/${name}`, import.meta.url));
const DIGCOMP3 = sharedData('digcomp-3.0.json');
const DIGCOMP22 = sharedData('digcomp-2.2.json');
const has = (...paths: string[]) => paths.every((p) => existsSync(p));
const skipNote = (...paths: string[]) => (has(...paths) ? '' : ' (skipped: ../shared/data/digcomp-*.json is not present in this checkout)');

type Summary = {
  id: string;
  key: string;
  name: Record<string, string>;
  builtIn: boolean;
  versions: { id: string; version: string; counts: { areas: number; competences: number; levels: number; statements: number } }[];
};
type Statement = { code: string; competenceCode: string; level: number; text: Record<string, string> };

let t: TestApp;
let tenant: Tenant;
let starterId: string;
beforeAll(async () => {
  t = await createTestApp();
  await ensureBuiltInFrameworks(t.db);
  tenant = await buildTenant(t.db);
  starterId = (await t.db.selectFrom('framework_versions').select('id').where('version', '=', STARTER_FRAMEWORK_VERSION).executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const admin = () => tenant.sessions.platform_admin;
const get = (url: string, session: Session | null = tenant.sessions.employee) => call(t.app, session, 'GET', url);
const upload = (fileName: string, content: Buffer | string, session: Session | null = admin()) =>
  send(t.app, session, 'POST', '/api/v1/frameworks/imports', {
    file: { fileName, content, contentType: fileName.endsWith('.json') ? 'application/json' : fileName.endsWith('.csv') ? 'text/csv' : 'application/octet-stream' },
  });
const listed = async (key: string) => ((await get('/api/v1/frameworks')).json() as Summary[]).find((f) => f.key === key);

const count = async (table: 'frameworks' | 'framework_versions' | 'framework_competences' | 'framework_statements' | 'platform_audit_events') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const versionsOf = async (key: string) =>
  (await t.db.selectFrom('framework_versions as v').innerJoin('frameworks as f', 'f.id', 'v.framework_id').select('v.version').where('f.key', '=', key).orderBy('v.version').execute()).map((v) => v.version);
const importEvents = (versionId: string) =>
  t.db.selectFrom('platform_audit_events').selectAll().where('action', '=', 'framework.import').where('entity_id', '=', versionId).execute();
/** Everything an import could have written, to show that a refused one wrote nothing. */
const snapshot = async () => ({
  frameworks: await count('frameworks'),
  versions: await count('framework_versions'),
  competences: await count('framework_competences'),
  statements: await count('framework_statements'),
  audit: await count('platform_audit_events'),
});

const CSV_HEADER = '# key=helse-digital; name=Digital kompetanse i helse, hjemmetjenesten; version=1.0; language=nb';
const CSV_ROWS = [
  'type;code;parent;level;name;name_en',
  'level;;;1;Grunnleggende;Basic',
  'level;;;2;Selvstendig;Independent',
  'area;HC;;;Helse og omsorg;Health and care',
  'competence;HC.1;HC;;Velferdsteknologi;Welfare technology',
  'competence;HC.2;HC;;Journal;Records',
  'statement;HC.1.01;HC.1;1;Kan starte en videokonsultasjon;Can start a video consultation',
  'statement;HC.1.02;HC.1;2;Kan lære bort digitalt tilsyn;Can teach digital supervision',
  'statement;HC.2.01;HC.2;1;Kan lese journalen;Can read the record',
];
const csvFile = (header = CSV_HEADER, rows = CSV_ROWS) => [header, ...rows, ''].join('\r\n');

describe('the built-in starter framework', () => {
  it('is listed to every signed-in user: built in, 5 areas, 26 competences, 4 levels, named in all five languages', async () => {
    for (const role of ['employee', 'leader', 'municipal_admin', 'analyst', 'platform_admin'] as const) {
      const res = await get('/api/v1/frameworks', tenant.sessions[role]);
      expect(res.statusCode, role).toBe(200);
      expect((res.json() as Summary[]).map((f) => f.key), role).toContain(STARTER_FRAMEWORK_KEY);
    }
    const starter = (await listed(STARTER_FRAMEWORK_KEY))!;
    expect(starter.builtIn).toBe(true);
    expect(starter.versions).toEqual([
      expect.objectContaining({ id: starterId, version: STARTER_FRAMEWORK_VERSION, counts: { areas: 5, competences: 26, levels: 4, statements: 0 } }),
    ]);
    for (const language of LANGUAGES) expect(starter.name[language], language).toMatch(/\S/);
    expect(errorCode(await get('/api/v1/frameworks', null))).toBe('UNAUTHENTICATED');
  });

  it('is installed once however often start-up runs', async () => {
    await ensureBuiltInFrameworks(t.db);
    await ensureBuiltInFrameworks(t.db);
    expect(await versionsOf(STARTER_FRAMEWORK_KEY)).toEqual([STARTER_FRAMEWORK_VERSION]);
    expect((await listed(STARTER_FRAMEWORK_KEY))!.versions).toHaveLength(1);
  });

  it('returns a version with its levels, areas and competences, each competence with its level descriptions', async () => {
    const res = await get(`/api/v1/frameworks/versions/${starterId}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const detail = res.json();
    const doc = buildStarterFramework();
    expect(detail).toMatchObject({ id: starterId, key: STARTER_FRAMEWORK_KEY, version: STARTER_FRAMEWORK_VERSION, name: doc.name, description: doc.description, licence: doc.licence });
    expect(detail.levels).toEqual(doc.levels.map((l) => ({ level: l.level, name: l.name, description: l.description })));
    expect(detail.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4]);
    expect(detail.areas.map((a: { code: string }) => a.code)).toEqual(doc.areas.map((a) => a.code));
    expect(detail.competences).toHaveLength(26);
    expect(detail.competences.map((c: { code: string }) => c.code)).toEqual(doc.competences.map((c) => c.code));
    const areaCodes = new Set(doc.areas.map((a) => a.code));
    for (const c of detail.competences as { code: string; areaCode: string; name: Record<string, string>; levelDescriptions: { level: number; text: Record<string, string> }[]; statementCount: number }[]) {
      expect(areaCodes.has(c.areaCode), c.code).toBe(true);
      expect(c.statementCount).toBe(0);
      expect(c.levelDescriptions.map((d) => d.level), c.code).toEqual([1, 2, 3, 4]);
      for (const language of LANGUAGES) {
        expect(c.name[language], `${c.code} ${language}`).toMatch(/\S/);
        for (const d of c.levelDescriptions) expect(d.text[language], `${c.code} level ${d.level} ${language}`).toMatch(/\S/);
      }
    }
    expect(detail.competences.find((c: { code: string }) => c.code === doc.competences[0]!.code).levelDescriptions).toEqual(doc.competences[0]!.levelDescriptions);
  });

  it('answers 404 for an unknown version and 400 for an id that is not one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(errorCode(await get(`/api/v1/frameworks/versions/${unknown}`))).toBe('NOT_FOUND');
    expect(errorCode(await get(`/api/v1/frameworks/versions/${unknown}/statements`))).toBe('NOT_FOUND');
    expect(errorCode(await get('/api/v1/frameworks/versions/not-a-uuid'))).toBe('VALIDATION');
    expect(errorCode(await get(`/api/v1/frameworks/versions/${starterId}/statements?level=0`))).toBe('VALIDATION');
    expect((await get(`/api/v1/frameworks/versions/${starterId}/statements`)).json()).toEqual([]);
  });
});

describe('importing DigComp (JSON from the JRC data supplement)', () => {
  let digcomp3Id: string;

  it.skipIf(!has(DIGCOMP3))(`imports DigComp 3.0: 5 areas, 21 competences, 4 levels, 362 statements, filtered by competence and level${skipNote(DIGCOMP3)}`, async () => {
    const res = await upload('digcomp-3.0.json', readFileSync(DIGCOMP3));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const body = res.json();
    expect(body.created).toBe(true);
    expect(body.framework).toMatchObject({ key: 'digcomp', builtIn: false });
    expect(body.framework.versions).toEqual([
      expect.objectContaining({ id: body.versionId, version: '3.0', counts: { areas: 5, competences: 21, levels: 4, statements: 362 } }),
    ]);
    digcomp3Id = body.versionId;

    const detail = (await get(`/api/v1/frameworks/versions/${digcomp3Id}`)).json();
    expect(detail.competences).toHaveLength(21);
    expect(detail.levels.map((l: { name: { en: string } }) => l.name.en)).toEqual(['Basic', 'Intermediate', 'Advanced', 'Highly advanced']);
    expect(detail.competences.reduce((sum: number, c: { statementCount: number }) => sum + c.statementCount, 0)).toBe(362);
    expect(Number((await t.db.selectFrom('framework_statements').select((eb) => eb.fn.countAll<string>().as('n')).where('version_id', '=', digcomp3Id).executeTakeFirstOrThrow()).n)).toBe(362);

    // Statements: all of them, one competence, one competence at one level, one level; compared with the file.
    const file = JSON.parse(readFileSync(DIGCOMP3, 'utf8')) as { competence_statements: { id: string; competence_id: string; level: string }[] };
    const levelNo: Record<string, number> = { Basic: 1, Intermediate: 2, Advanced: 3, 'Highly advanced': 4 };
    const fromFile = (filter: (s: { competence_id: string; level: number }) => boolean) =>
      file.competence_statements.filter((s) => filter({ competence_id: s.competence_id, level: levelNo[s.level]! })).map((s) => s.id).sort();
    const statements = async (query: string) => {
      const r = await get(`/api/v1/frameworks/versions/${digcomp3Id}/statements${query}`);
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      return r.json() as Statement[];
    };
    expect(await statements('')).toHaveLength(362);
    const one = await statements('?competenceCode=1.1');
    expect(one.every((s) => s.competenceCode === '1.1')).toBe(true);
    expect(one.map((s) => s.code).sort()).toEqual(fromFile((s) => s.competence_id === '1.1'));
    const oneAtBasic = await statements('?competenceCode=1.1&level=1');
    expect(oneAtBasic.length).toBeGreaterThan(0);
    expect(oneAtBasic.every((s) => s.competenceCode === '1.1' && s.level === 1 && !!s.text.en)).toBe(true);
    expect(oneAtBasic.map((s) => s.code).sort()).toEqual(fromFile((s) => s.competence_id === '1.1' && s.level === 1));
    expect((await statements('?level=4')).map((s) => s.code).sort()).toEqual(fromFile((s) => s.level === 4));
    expect(await statements('?competenceCode=9.9')).toEqual([]);

    const [event, ...more] = await importEvents(digcomp3Id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      network_id: null,
      actor_user_id: tenant.users.platform_admin.id,
      entity_type: 'framework_version',
      after: { key: 'digcomp', version: '3.0', competences: 21, statements: 362 },
    });
  });

  it.skipIf(!has(DIGCOMP3))(`treats importing the same file again as a no-op: created false, no second version${skipNote(DIGCOMP3)}`, async () => {
    const before = await snapshot();
    const res = await upload('renamed-by-a-user.json', readFileSync(DIGCOMP3));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json()).toMatchObject({ created: false, versionId: digcomp3Id });
    expect(res.json().framework.versions).toHaveLength(1);
    expect(await versionsOf('digcomp')).toEqual(['3.0']);
    expect(await snapshot()).toEqual(before);
    expect(await importEvents(digcomp3Id)).toHaveLength(1);
  });

  it.skipIf(!has(DIGCOMP3))(`refuses changed content under a stored version number with 409 CONFLICT and stores nothing${skipNote(DIGCOMP3)}`, async () => {
    const file = JSON.parse(readFileSync(DIGCOMP3, 'utf8')) as { competences: { id: string; name: string }[] };
    const original = file.competences[0]!.name;
    file.competences[0]!.name = 'Browsing, searching and filtering information (edited)';
    const before = await snapshot();
    const res = await upload('digcomp-3.0-edited.json', JSON.stringify(file));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(409);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.json().error.message).toMatch(/3\.0/);
    expect(await snapshot()).toEqual(before);
    const stored = await t.db.selectFrom('framework_competences').select('name').where('version_id', '=', digcomp3Id).where('code', '=', file.competences[0]!.id).executeTakeFirstOrThrow();
    expect((stored.name as { en: string }).en).toBe(original);
  });

  it.skipIf(!has(DIGCOMP3, DIGCOMP22))(`keeps DigComp 2.2 and 3.0 as two versions of one framework "digcomp"${skipNote(DIGCOMP3, DIGCOMP22)}`, async () => {
    if (!digcomp3Id) expect((await upload('digcomp-3.0.json', readFileSync(DIGCOMP3))).statusCode).toBe(200);
    const res = await upload('digcomp-2.2.json', readFileSync(DIGCOMP22));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json().created).toBe(true);
    expect(await versionsOf('digcomp')).toEqual(['2.2', '3.0']);
    expect(Number((await t.db.selectFrom('frameworks').select((eb) => eb.fn.countAll<string>().as('n')).where('key', '=', 'digcomp').executeTakeFirstOrThrow()).n)).toBe(1);

    const digcomp = ((await get('/api/v1/frameworks')).json() as Summary[]).filter((f) => f.key === 'digcomp');
    expect(digcomp).toHaveLength(1);
    const byVersion = new Map(digcomp[0]!.versions.map((v) => [v.version, v]));
    expect([...byVersion.keys()].sort()).toEqual(['2.2', '3.0']);
    expect(byVersion.get('2.2')!.counts).toMatchObject({ competences: 21, levels: 8 });
    expect(byVersion.get('3.0')!.counts).toMatchObject({ competences: 21, levels: 4, statements: 362 });
    expect(res.json().framework.id).toBe(digcomp[0]!.id);
    // Each version keeps its own content.
    const v22 = (await get(`/api/v1/frameworks/versions/${byVersion.get('2.2')!.id}`)).json();
    expect(v22.version).toBe('2.2');
    expect(v22.levels).toHaveLength(8);
  });
});

describe('importing a CSV framework', () => {
  let csvVersionId: string;

  it('imports a CSV file whose first line carries key, name, version and language', async () => {
    const res = await upload('helse-digital.csv', csvFile());
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const body = res.json();
    expect(body.created).toBe(true);
    expect(body.framework).toMatchObject({ key: 'helse-digital', builtIn: false, name: { nb: 'Digital kompetanse i helse, hjemmetjenesten' } });
    expect(body.framework.versions).toEqual([expect.objectContaining({ version: '1.0', counts: { areas: 1, competences: 2, levels: 2, statements: 3 } })]);
    csvVersionId = body.versionId;

    const detail = (await get(`/api/v1/frameworks/versions/${csvVersionId}`)).json();
    expect(detail.levels).toEqual([
      { level: 1, name: { nb: 'Grunnleggende', en: 'Basic' }, description: null },
      { level: 2, name: { nb: 'Selvstendig', en: 'Independent' }, description: null },
    ]);
    expect(detail.competences.map((c: { code: string; statementCount: number }) => [c.code, c.statementCount])).toEqual([['HC.1', 2], ['HC.2', 1]]);

    const statements = async (query: string) => ((await get(`/api/v1/frameworks/versions/${csvVersionId}/statements${query}`)).json() as Statement[]).map((s) => s.code);
    expect(await statements('')).toEqual(['HC.1.01', 'HC.1.02', 'HC.2.01']);
    expect(await statements('?competenceCode=HC.1')).toEqual(['HC.1.01', 'HC.1.02']);
    expect(await statements('?level=1')).toEqual(['HC.1.01', 'HC.2.01']);
    expect(await statements('?competenceCode=HC.1&level=2')).toEqual(['HC.1.02']);
  });

  it('writes a platform audit event naming the administrator and the version', async () => {
    const events = await importEvents(csvVersionId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      network_id: null,
      actor_user_id: tenant.users.platform_admin.id,
      entity_type: 'framework_version',
      before: null,
      after: { key: 'helse-digital', version: '1.0', competences: 2, statements: 3 },
    });
  });

  it('refuses other content under the same version with 409, and accepts it as a new version', async () => {
    const before = await snapshot();
    const edited = CSV_ROWS.map((r) => r.replace('Velferdsteknologi', 'Velferdsteknologi og e-helse'));
    const res = await upload('helse-digital.csv', csvFile(CSV_HEADER, edited));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(409);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);

    const next = await upload('helse-digital.csv', csvFile(CSV_HEADER.replace('version=1.0', 'version=1.1'), edited));
    expect(next.statusCode, next.body.slice(0, 300)).toBe(200);
    expect(next.json().framework.versions.map((v: { version: string }) => v.version).sort()).toEqual(['1.0', '1.1']);
    expect(await versionsOf('helse-digital')).toEqual(['1.0', '1.1']);
  });

  it('rejects a broken CSV with 422 IMPORT_INVALID, listing every problem by row, and stores nothing', async () => {
    const before = await snapshot();
    const broken = [
      '# key=broken-csv; name=Ødelagt; version=1; language=nb', // 1
      'type;code;parent;level;name', // 2
      'level;;;1;Lav', // 3
      'level;;;2;Høy', // 4
      'area;A;;;Område', // 5
      'competence;A.1;B;;Feil område', // 6
      'statement;S1;A.1;7;Nivå finnes ikke', // 7
      'nivå;X;;;Ukjent type', // 8
      '',
    ].join('\r\n');
    const res = await upload('broken.csv', broken);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
    expect(errorCode(res)).toBe('IMPORT_INVALID');
    const details = res.json().error.details as { code: string; problems: { row?: number; message: string }[] };
    expect(details.code).toBe('INVALID_FRAMEWORK');
    expect(details.problems.map((p) => p.row)).toEqual([6, 7, 8]);
    expect(details.problems.every((p) => p.message.length > 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(await versionsOf('broken-csv')).toEqual([]);
  });

  it('explains what a CSV without its metadata line or a file of another kind lacks (422), and asks for multipart (415)', async () => {
    const before = await snapshot();
    const noMeta = await upload('no-meta.csv', CSV_ROWS.join('\r\n'));
    expect(noMeta.statusCode).toBe(422);
    expect(noMeta.json().error.details.code).toBe('MISSING_METADATA');
    expect(noMeta.json().error.details.problems.map((p: { path: string }) => p.path)).toEqual(['key', 'name', 'version', 'language']);

    const pdf = await upload('framework.pdf', Buffer.from('%PDF-1.7\n'));
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().error.details.code).toBe('UNSUPPORTED_FILE');

    const json = await upload('other.json', JSON.stringify({ framework: 'Something else', version: '1' }));
    expect(json.statusCode).toBe(422);
    expect(json.json().error.details.code).toBe('UNSUPPORTED_FILE');

    const notMultipart = await send(t.app, admin(), 'POST', '/api/v1/frameworks/imports', { payload: { key: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    expect(errorCode(notMultipart)).toBe('UNSUPPORTED_FILE');
    expect(await snapshot()).toEqual(before);
  });

  it('is for the platform administrator only: 403 for every other role, 401 signed out, nothing stored', async () => {
    const before = await snapshot();
    const file = csvFile(CSV_HEADER.replace('helse-digital', 'not-allowed'));
    for (const role of ['employee', 'leader', 'ombud', 'competence_advisor', 'municipal_admin', 'network_coordinator', 'analyst'] as const) {
      const res = await upload('not-allowed.csv', file, tenant.sessions[role]);
      expect(res.statusCode, role).toBe(403);
      expect(errorCode(res), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await upload('not-allowed.csv', file, null))).toBe('UNAUTHENTICATED');
    // Also without a file: the role is checked before the body is read.
    expect(errorCode(await send(t.app, tenant.sessions.municipal_admin, 'POST', '/api/v1/frameworks/imports', { payload: {} }))).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    expect(await versionsOf('not-allowed')).toEqual([]);
  });

  it('keeps framework rows free of any tenant: the tables carry no municipality', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and table_name like 'framework%' and column_name = 'municipality_id'`.execute(t.db);
    expect(columns.rows).toEqual([]);
  });
});

describe('framework names and the built-in framework', () => {
  it('keeps the name of the newest version when an older version is imported later', async () => {
    const v2 = csvFile('# key=ordering-test; name=Ordering v2; version=2.0; language=nb');
    const v1 = csvFile('# key=ordering-test; name=Ordering v1; version=1.0; language=nb');
    expect((await upload('v2.csv', v2)).statusCode).toBe(200);
    expect((await upload('v1.csv', v1)).statusCode).toBe(200);
    expect((await listed('ordering-test'))?.name.nb).toBe('Ordering v2');
    const v3 = csvFile('# key=ordering-test; name=Ordering v10; version=10.0; language=nb');
    expect((await upload('v10.csv', v3)).statusCode).toBe(200);
    expect((await listed('ordering-test'))?.name.nb).toBe('Ordering v10');
  });

  it('refuses to add versions to a framework that ships with Mestring, and stores nothing', async () => {
    const before = await snapshot();
    const res = await upload('starter.csv', csvFile(`# key=${STARTER_FRAMEWORK_KEY}; name=Hijack; version=9.9; language=nb`));
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(await snapshot()).toEqual(before);
  });
});
