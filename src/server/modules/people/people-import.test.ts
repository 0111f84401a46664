// The employee import end to end: multipart upload, background parsing,
// preview, commit in one transaction, audit, re-import, and recovery of work a
// stopped server left behind.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeopleImport } from '../../../shared/api/people.js';
import { createMunicipality, createPerson, createUnit, createUser, sessionFor } from '../../../../test/factories.js';
import { call, createTestApp, type Session, type TestApp } from '../../../../test/harness.js';
import { buildEmployeeCsv, buildEmployeeXlsx, sampleEmployee, sampleEmployees, type FixtureRow } from './import/fixtures.js';
import { resumeUnfinishedImports } from './people-import.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Tenant = { municipalityId: string; units: Record<'U1' | 'U2' | 'U3', string>; admin: Session; adminId: string; base: string };

/** A municipality with units coded U1..U3 (what the fixtures reference) and a municipal admin. */
async function tenant(): Promise<Tenant> {
  const m = await createMunicipality(t.db);
  const units = {
    U1: (await createUnit(t.db, m.id, { code: 'U1', name: 'Sone nord' })).id,
    U2: (await createUnit(t.db, m.id, { code: 'U2', name: 'Sone sør' })).id,
    U3: (await createUnit(t.db, m.id, { code: 'U3', name: 'Bofellesskap' })).id,
  };
  const admin = await createUser(t.db, [{ role: 'municipal_admin', scopeType: 'municipality', municipalityId: m.id }]);
  return { municipalityId: m.id, units, admin: await sessionFor(t.db, admin.id), adminId: admin.id, base: `/api/v1/municipalities/${m.id}/people/imports` };
}

/** A multipart/form-data body built by hand, as a browser sends it. */
function multipart(fileName: string, data: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----MestringBoundary${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(tn: Tenant, fileName: string, data: Buffer, session: Session | null = tn.admin) {
  const body = multipart(fileName, data, fileName.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
  const headers: Record<string, string> = { 'content-type': body.contentType };
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return t.app.inject({ method: 'POST', url: tn.base, headers, payload: body.payload });
}

async function get(tn: Tenant, id: string): Promise<PeopleImport> {
  const res = await call(t.app, tn.admin, 'GET', `${tn.base}/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PeopleImport>();
}

/** Polls the API (as the web app does) until the import leaves `from`. */
async function pollWhile(tn: Tenant, id: string, from: PeopleImport['status'], ms = 20_000): Promise<PeopleImport> {
  const until = Date.now() + ms;
  for (;;) {
    const imp = await get(tn, id);
    if (imp.status !== from) return imp;
    if (Date.now() > until) throw new Error(`import ${id} still ${from} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function uploadAndParse(tn: Tenant, fileName: string, data: Buffer): Promise<PeopleImport> {
  const res = await upload(tn, fileName, data);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json<PeopleImport>();
  expect(started.status).toBe('parsing');
  expect(started.fileName).toBe(fileName);
  return pollWhile(tn, started.id, 'parsing');
}

async function commit(tn: Tenant, id: string) {
  return call(t.app, tn.admin, 'POST', `${tn.base}/${id}/commit`);
}

async function commitAndWait(tn: Tenant, id: string): Promise<PeopleImport> {
  const res = await commit(tn, id);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json<PeopleImport>().status).toBe('committing');
  return pollWhile(tn, id, 'committing');
}

async function people(municipalityId: string) {
  return t.db
    .selectFrom('persons')
    .select(['id', 'employee_number', 'given_name', 'family_name', 'email', 'phone', 'profession', 'position_pct', 'preferred_language'])
    .select((eb) =>
      eb
        .selectFrom('person_units')
        .select('person_units.unit_id')
        .whereRef('person_units.person_id', '=', 'persons.id')
        .where('person_units.is_primary', '=', true)
        .limit(1)
        .as('primary_unit'),
    )
    .where('municipality_id', '=', municipalityId)
    .orderBy('employee_number')
    .execute();
}

async function personCount(municipalityId?: string) {
  let q = t.db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n'));
  if (municipalityId) q = q.where('municipality_id', '=', municipalityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function audits(municipalityId: string) {
  return t.db.selectFrom('audit_events').select(['action', 'entity_type', 'entity_id', 'actor_user_id', 'before', 'after']).where('municipality_id', '=', municipalityId).execute();
}

const count = <T>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length;

describe('people import', () => {
  it('imports a CSV: upload → parsing → ready with a preview → commit → people with units and audit events; a re-import updates one row', async () => {
    const tn = await tenant();
    const rows = sampleEmployees(12);
    const csv = buildEmployeeCsv(rows);

    const ready = await uploadAndParse(tn, 'ansatte.csv', csv);
    expect(ready.status, JSON.stringify(ready.errors)).toBe('ready');
    expect(ready.format).toBe('csv');
    expect(ready.errors).toEqual([]);
    expect(ready.fileErrors).toEqual([]);
    expect(ready.summary).toEqual({ create: 12, update: 0, unchanged: 0 });
    expect(ready.totalRows).toBe(12);
    expect(ready.progress).toEqual({ done: 12, total: 12 });
    expect(ready.preview).toHaveLength(12);
    expect(ready.preview[0]).toMatchObject({ row: 2, employeeNumber: '10000', givenName: 'Kari', unitRef: 'U1', action: 'create', profession: 'nurse' });
    expect(ready.preview.every((p) => p.action === 'create')).toBe(true);
    expect(await personCount(tn.municipalityId)).toBe(0);

    // The upload itself is kept, byte for byte, so the work can be redone.
    const stored = await t.db.selectFrom('people_imports').select(['file_data', 'file_name', 'created_by']).where('id', '=', ready.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.file_data).equals(csv)).toBe(true);
    expect(stored.file_name).toBe('ansatte.csv');
    expect(stored.created_by).toBe(tn.adminId);

    const done = await commitAndWait(tn, ready.id);
    expect(done.status, JSON.stringify(done.fileErrors)).toBe('committed');
    expect(done.committedAt).not.toBeNull();
    expect(done.progress).toEqual({ done: 12, total: 12 });

    const created = await people(tn.municipalityId);
    expect(created).toHaveLength(12);
    for (const [i, row] of rows.entries()) {
      const p = created.find((x) => x.employee_number === row.employeeNumber);
      expect(p, `employee ${row.employeeNumber}`).toBeDefined();
      expect(p).toMatchObject({ given_name: row.givenName, family_name: row.familyName, email: row.email, phone: row.phone, position_pct: row.positionPct, preferred_language: 'nb' });
      expect(p!.primary_unit).toBe(tn.units[`U${(i % 3) + 1}` as 'U1']);
    }

    const events = await audits(tn.municipalityId);
    expect(count(events, (e) => e.action === 'person.create')).toBe(12);
    expect(new Set(events.filter((e) => e.action === 'person.create').map((e) => e.entity_id))).toEqual(new Set(created.map((p) => p.id)));
    expect(events.filter((e) => e.action === 'person.create').every((e) => e.actor_user_id === tn.adminId && e.entity_type === 'person')).toBe(true);
    const commitEvents = events.filter((e) => e.action === 'people_import.commit');
    expect(commitEvents).toHaveLength(1);
    expect(commitEvents[0]).toMatchObject({ entity_id: ready.id, actor_user_id: tn.adminId, after: { create: 12, update: 0, unchanged: 0 } });
    expect(count(events, (e) => e.action === 'people_import.upload')).toBe(1);

    // A committed import cannot be committed again.
    const again = await commit(tn, ready.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');

    // Re-import: one employee moved to 50 % and another unit; the rest as before.
    const changed = rows.map((r, i) => (i === 4 ? { ...r, positionPct: 50, unitRef: 'U3' } : r));
    const second = await uploadAndParse(tn, 'ansatte-mars.csv', buildEmployeeCsv(changed));
    expect(second.status).toBe('ready');
    expect(second.summary).toEqual({ create: 0, update: 1, unchanged: 11 });
    expect(second.preview.filter((p) => p.action === 'update').map((p) => p.employeeNumber)).toEqual([rows[4]!.employeeNumber]);

    const done2 = await commitAndWait(tn, second.id);
    expect(done2.status).toBe('committed');
    const after = await people(tn.municipalityId);
    expect(after).toHaveLength(12);
    const moved = after.find((p) => p.employee_number === rows[4]!.employeeNumber)!;
    expect(moved.position_pct).toBe(50);
    expect(moved.primary_unit).toBe(tn.units.U3);
    // The old unit stays as a secondary unit; exactly one primary.
    const memberships = await t.db.selectFrom('person_units').selectAll().where('person_id', '=', moved.id).execute();
    expect(memberships.filter((m) => m.is_primary).map((m) => m.unit_id)).toEqual([tn.units.U3]);

    const events2 = await audits(tn.municipalityId);
    const updates = events2.filter((e) => e.action === 'person.update');
    expect(updates.map((e) => e.entity_id)).toEqual([moved.id]);
    expect(count(events2, (e) => e.action === 'person.create')).toBe(12);
    expect(count(events2, (e) => e.action === 'people_import.commit')).toBe(2);
  });

  it('imports an XLSX workbook (title rows, numeric cells, English headers) the same way', async () => {
    const tn = await tenant();
    const rows = sampleEmployees(7).map((r, i) => ({ ...r, employeeNumber: 5000 + i }));
    const xlsx = await buildEmployeeXlsx(rows, { headers: 'en', titleRows: ['Employees, exported 2025-03-01'] });

    const ready = await uploadAndParse(tn, 'employees.xlsx', xlsx);
    expect(ready.status, JSON.stringify([ready.errors, ready.fileErrors])).toBe('ready');
    expect(ready.format).toBe('xlsx');
    expect(ready.summary).toEqual({ create: 7, update: 0, unchanged: 0 });
    expect(ready.progress.total).toBe(7);
    expect(ready.totalRows).toBe(7);
    expect(ready.preview[0]!.row).toBe(3); // row 1 title, row 2 header
    const stored = await t.db.selectFrom('people_imports').select('file_data').where('id', '=', ready.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.file_data).equals(xlsx)).toBe(true);

    expect((await commitAndWait(tn, ready.id)).status).toBe('committed');
    const created = await people(tn.municipalityId);
    expect(created.map((p) => p.employee_number)).toEqual(rows.map((r) => String(r.employeeNumber)));
    expect(created.every((p) => Object.values(tn.units).includes(p.primary_unit!))).toBe(true);

    // The same workbook again changes nothing.
    const same = await uploadAndParse(tn, 'employees.xlsx', xlsx);
    expect(same.summary).toEqual({ create: 0, update: 0, unchanged: 7 });
    expect((await commitAndWait(tn, same.id)).status).toBe('committed');
    const events = await audits(tn.municipalityId);
    expect(count(events, (e) => e.action === 'person.create')).toBe(7);
    expect(count(events, (e) => e.action === 'person.update')).toBe(0);
  });

  it('reports bad rows by row and field, and refuses to commit an invalid import', async () => {
    const tn = await tenant();
    const existing = await createPerson(t.db, tn.municipalityId, tn.units.U1, { employee_number: 'X-1', email: 'taken@example.no' });
    const rows: FixtureRow[] = [
      sampleEmployee(0), // row 2: fine
      sampleEmployee(1, { profession: 'Astronaut' }), // row 3
      sampleEmployee(2, { unitRef: 'NOPE' }), // row 4
      sampleEmployee(3, { employeeNumber: '10000' }), // row 5: duplicate of row 2
      sampleEmployee(4, { email: 'Taken@Example.no' }), // row 6: another employee's address
      sampleEmployee(5), // row 7: fine
    ];
    const before = await personCount();
    const imp = await uploadAndParse(tn, 'feil.csv', buildEmployeeCsv(rows));
    expect(imp.status).toBe('invalid');
    expect(imp.fileErrors).toEqual([]);
    expect(imp.totalRows).toBe(6);
    expect(imp.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'profession', 'UNKNOWN_PROFESSION'],
      [4, 'unitRef', 'UNKNOWN_UNIT'],
      [5, 'employeeNumber', 'DUPLICATE_EMPLOYEE_NUMBER'],
      [6, 'email', 'DUPLICATE_EMAIL'],
    ]);
    expect(imp.errors.find((e) => e.row === 3)!.value).toBe('Astronaut');
    expect(imp.errors.find((e) => e.row === 4)!.value).toBe('NOPE');
    expect(imp.errors.find((e) => e.row === 6)!.message).toContain('X-1');
    for (const e of imp.errors) expect(e.message.length).toBeGreaterThan(0);
    expect(imp.summary).toEqual({ create: 2, update: 0, unchanged: 0 });

    const res = await commit(tn, imp.id);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'CONFLICT', details: { status: 'invalid' } } });
    await t.deps.jobs.drain();
    expect((await get(tn, imp.id)).status).toBe('invalid');
    expect(await personCount()).toBe(before);
    expect((await people(tn.municipalityId)).map((p) => p.id)).toEqual([existing.id]);
    expect(count(await audits(tn.municipalityId), (e) => e.action.startsWith('person.'))).toBe(0);
  });

  it('reports missing columns as a file error', async () => {
    const tn = await tenant();
    const rows = sampleEmployees(3).map(({ unitRef: _u, profession: _p, ...rest }) => rest);
    const imp = await uploadAndParse(tn, 'uten-enhet.csv', buildEmployeeCsv(rows));
    expect(imp.status).toBe('invalid');
    expect(imp.fileErrors).toHaveLength(1);
    expect(imp.fileErrors[0]).toMatchObject({ code: 'MISSING_COLUMNS', details: { missing: ['profession', 'unitRef'] } });
    expect(imp.errors).toEqual([]);
    expect((await commit(tn, imp.id)).statusCode).toBe(409);
  });

  it('marks an unsupported file invalid with UNSUPPORTED_FILE', async () => {
    const tn = await tenant();
    const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
    const imp = await uploadAndParse(tn, 'ansatte.pdf', pdf);
    expect(imp.status).toBe('invalid');
    expect(imp.format).toBeNull();
    expect(imp.fileErrors.map((e) => e.code)).toEqual(['UNSUPPORTED_FILE']);
    // An old binary .xls renamed to .csv is not read as text either.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(512)]);
    const renamed = await uploadAndParse(tn, 'ansatte.csv', ole);
    expect(renamed.status).toBe('invalid');
    expect(renamed.fileErrors.map((e) => e.code)).toEqual(['UNSUPPORTED_FILE']);
  });

  it('requires a municipal manager and a multipart upload', async () => {
    const tn = await tenant();
    const csv = buildEmployeeCsv(sampleEmployees(2));
    const employee = await createUser(t.db, [{ role: 'employee', scopeType: 'municipality', municipalityId: tn.municipalityId }]);
    const denied = await upload(tn, 'a.csv', csv, await sessionFor(t.db, employee.id));
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    const anonymous = await upload(tn, 'a.csv', csv, null);
    expect(anonymous.statusCode).toBe(401);
    const json = await call(t.app, tn.admin, 'POST', tn.base, { file: 'not a file' });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);
    const count = await t.db.selectFrom('people_imports').select('id').where('municipality_id', '=', tn.municipalityId).execute();
    expect(count).toEqual([]);
  });

  it('rolls a commit that fails midway back completely and marks the import failed', async () => {
    const tn = await tenant();
    const rows = sampleEmployees(6);
    const ready = await uploadAndParse(tn, 'ansatte.csv', buildEmployeeCsv(rows));
    expect(ready.status).toBe('ready');
    expect(ready.summary).toEqual({ create: 6, update: 0, unchanged: 0 });

    // Between preview and commit, somebody registers employee 5's address by hand.
    const saboteur = await createPerson(t.db, tn.municipalityId, tn.units.U2, { employee_number: 'HAND-1', email: String(rows[4]!.email) });
    const auditsBefore = (await audits(tn.municipalityId)).length;

    const failed = await commitAndWait(tn, ready.id);
    expect(failed.status).toBe('failed');
    expect(failed.fileErrors.map((e) => e.code)).toEqual(['COMMIT_FAILED']);
    expect(failed.committedAt).toBeNull();
    expect((await people(tn.municipalityId)).map((p) => p.id)).toEqual([saboteur.id]);
    const units = await t.db.selectFrom('person_units').select('person_id').where('municipality_id', '=', tn.municipalityId).execute();
    expect(units.map((u) => u.person_id)).toEqual([saboteur.id]);
    const events = await audits(tn.municipalityId);
    expect(events).toHaveLength(auditsBefore);
    expect(count(events, (e) => e.action === 'people_import.commit' || e.action.startsWith('person.'))).toBe(0);
    expect((await commit(tn, ready.id)).statusCode).toBe(409);
  });

  it('resumes an import a stopped server left in parsing (and one left committing)', async () => {
    const tn = await tenant();
    const csv = buildEmployeeCsv(sampleEmployees(4));
    // As if the server stopped right after storing the upload.
    const { id } = await t.db
      .insertInto('people_imports')
      .values({ municipality_id: tn.municipalityId, created_by: tn.adminId, file_name: 'avbrutt.csv', file_data: csv, status: 'parsing', rows: '[]', errors: '[]', file_errors: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await get(tn, id)).status).toBe('parsing');

    await resumeUnfinishedImports(t.deps);
    await t.deps.jobs.drain();
    const ready = await get(tn, id);
    expect(ready.status).toBe('ready');
    expect(ready.summary).toEqual({ create: 4, update: 0, unchanged: 0 });
    expect(ready.progress).toEqual({ done: 4, total: 4 });

    // As if the server stopped after accepting the commit.
    await t.db.updateTable('people_imports').set({ status: 'committing' }).where('id', '=', id).execute();
    await resumeUnfinishedImports(t.deps);
    await t.deps.jobs.drain();
    const committed = await get(tn, id);
    expect(committed.status).toBe('committed');
    expect(await personCount(tn.municipalityId)).toBe(4);
    const events = await audits(tn.municipalityId);
    expect(events.find((e) => e.action === 'people_import.commit')).toMatchObject({ entity_id: id, actor_user_id: null });
  });

  it('reports progress for a larger file and keeps the total at the row count', async () => {
    const tn = await tenant();
    const imp = await uploadAndParse(tn, 'stor.csv', buildEmployeeCsv(sampleEmployees(1200)));
    expect(imp.status).toBe('ready');
    expect(imp.progress).toEqual({ done: 1200, total: 1200 });
    expect(imp.totalRows).toBe(1200);
    expect(imp.summary).toEqual({ create: 1200, update: 0, unchanged: 0 });
    expect(imp.preview).toHaveLength(200);
  });
});
