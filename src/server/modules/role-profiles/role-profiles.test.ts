import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createUnit, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../test/harness.js';
import { send } from '../../../../test/isolation/matrix.js';
import type { RoleProfile } from '../../../shared/api/role-profiles.js';
import { LANGUAGES, type Language } from '../../../shared/domain.js';
import { withTenant } from '../../db/tenant.js';
import { findVersion } from '../frameworks/frameworks.repository.js';
import { ensureBuiltInFrameworks } from '../frameworks/frameworks.service.js';
import { buildStarterFramework, STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../frameworks/starter/starter-framework.js';
import { ROLE_PROFILE_TEMPLATES } from './role-profile.templates.js';

// Role profiles through the API: from templates and by hand, validated
// against the framework version they point at, audited, and isolated per
// municipality by row-level security.

let t: TestApp;
let a: Tenant;
let b: Tenant;
let starterId: string;
beforeAll(async () => {
  t = await createTestApp();
  await ensureBuiltInFrameworks(t.db);
  starterId = (await findVersion(t.db, STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION))!.id;
  a = await buildTenant(t.db);
  b = await buildTenant(t.db);
});
afterAll(() => t.close());

type Requirement = { competenceCode: string; requiredLevel: number };
const base = (tenant: Tenant) => `/api/v1/municipalities/${tenant.municipality.id}/role-profiles`;
const advisor = () => a.sessions.competence_advisor;
const api = (session: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => call(t.app, session, method, url, payload);
const byCode = (list: Requirement[]) => [...list].sort((x, y) => x.competenceCode.localeCompare(y.competenceCode));
const input = (over: Record<string, unknown> = {}) => ({
  name: 'Sykepleier natt',
  description: 'Nattevakt i hjemmetjenesten',
  frameworkVersionId: starterId,
  profession: 'nurse',
  requirements: [
    { competenceCode: 'HC.SEC.1', requiredLevel: 3 },
    { competenceCode: 'HC.EPR.1', requiredLevel: 2 },
  ],
  ...over,
});
async function create(over: Record<string, unknown> = {}, tenant = a, session = advisor()): Promise<RoleProfile> {
  const res = await api(session, 'POST', base(tenant), input(over));
  expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  return res.json<RoleProfile>();
}
const profilesNamed = (name: string) => t.db.selectFrom('role_profiles').select('id').where('name', '=', name).execute();
const requirementRows = (profileId: string) => t.db.selectFrom('role_profile_requirements').selectAll().where('profile_id', '=', profileId).execute();
const auditOf = (municipalityId: string, entityId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', municipalityId).where('entity_id', '=', entityId).orderBy('occurred_at').orderBy('id').execute();

describe('templates', () => {
  const starter = buildStarterFramework();
  const codes = new Set(starter.competences.map((c) => c.code));
  const maxLevel = Math.max(...starter.levels.map((l) => l.level));

  it('name only competences of the starter framework, at levels on its scale, once each', () => {
    expect(ROLE_PROFILE_TEMPLATES.length).toBeGreaterThan(0);
    expect(new Set(ROLE_PROFILE_TEMPLATES.map((tpl) => tpl.key)).size).toBe(ROLE_PROFILE_TEMPLATES.length);
    for (const tpl of ROLE_PROFILE_TEMPLATES) {
      expect([tpl.frameworkKey, tpl.frameworkVersion], tpl.key).toEqual([STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION]);
      expect(tpl.requirements.length, tpl.key).toBeGreaterThan(0);
      expect(tpl.requirements.filter((r) => !codes.has(r.competenceCode)), `${tpl.key}: codes missing from the starter framework`).toEqual([]);
      expect(tpl.requirements.filter((r) => r.requiredLevel < 1 || r.requiredLevel > maxLevel), `${tpl.key}: levels off the scale`).toEqual([]);
      expect(new Set(tpl.requirements.map((r) => r.competenceCode)).size, tpl.key).toBe(tpl.requirements.length);
      for (const language of LANGUAGES) {
        expect(tpl.name[language], `${tpl.key} name ${language}`).toMatch(/\S/);
        expect(tpl.description[language], `${tpl.key} description ${language}`).toMatch(/\S/);
      }
    }
  });

  it('are listed to every signed-in user and to no one signed out', async () => {
    for (const role of ['employee', 'leader', 'municipal_admin', 'analyst', 'platform_admin'] as const) {
      const res = await api(a.sessions[role], 'GET', '/api/v1/role-profile-templates');
      expect(res.statusCode, role).toBe(200);
      expect(res.json(), role).toEqual(ROLE_PROFILE_TEMPLATES);
    }
    expect(errorCode(await api(null, 'GET', '/api/v1/role-profile-templates'))).toBe('UNAUTHENTICATED');
  });

  it.each(ROLE_PROFILE_TEMPLATES.map((tpl) => [tpl.key, tpl] as const))('%s makes an editable profile in the municipality\'s language', async (_key, tpl) => {
    const res = await api(advisor(), 'POST', `${base(a)}/from-template`, { templateKey: tpl.key });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const profile = res.json<RoleProfile>();
    expect(profile).toMatchObject({
      municipalityId: a.municipality.id,
      name: tpl.name.nb,
      description: tpl.description.nb,
      frameworkVersionId: starterId,
      profession: tpl.profession,
      unitId: null,
      templateKey: tpl.key,
    });
    expect(profile.requirements).toEqual(byCode(tpl.requirements));
    expect(byCode((await requirementRows(profile.id)).map((r) => ({ competenceCode: r.competence_code, requiredLevel: r.required_level })))).toEqual(byCode(tpl.requirements));
    const [event] = await auditOf(a.municipality.id, profile.id);
    expect(event).toMatchObject({ action: 'role_profile.create', actor_user_id: a.users.competence_advisor.id, before: null, after: profile });
  });

  it.each([['sv'], ['da'], ['en'], ['nn']] as [Language][])('names the profile in %s where that is the municipality\'s default language', async (language) => {
    await t.db.updateTable('municipalities').set({ default_language: language }).where('id', '=', b.municipality.id).execute();
    const tpl = ROLE_PROFILE_TEMPLATES.find((x) => x.key === 'assistant-care')!;
    const res = await api(b.sessions.municipal_admin, 'POST', `${base(b)}/from-template`, { templateKey: tpl.key, unitId: b.units.unit.id });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json()).toMatchObject({ name: tpl.name[language], description: tpl.description[language], unitId: b.units.unit.id });
  });

  it('takes a name given with the request, and refuses an unknown template', async () => {
    const named = await api(advisor(), 'POST', `${base(a)}/from-template`, { templateKey: 'unit-leader', name: 'Avdelingsleder Sone nord' });
    expect(named.statusCode).toBe(201);
    expect(named.json().name).toBe('Avdelingsleder Sone nord');
    const unknown = await api(advisor(), 'POST', `${base(a)}/from-template`, { templateKey: 'no-such-template', name: 'Ukjent mal' });
    expect(unknown.statusCode).toBe(400);
    expect(errorCode(unknown)).toBe('VALIDATION');
    expect(await profilesNamed('Ukjent mal')).toEqual([]);
  });
});

describe('creating and validating by hand', () => {
  it('creates a profile with requirements, readable one by one and in the list', async () => {
    const profile = await create({ name: 'Sykepleier natt', unitId: a.units.unit.id });
    expect(profile).toMatchObject({
      municipalityId: a.municipality.id,
      name: 'Sykepleier natt',
      description: 'Nattevakt i hjemmetjenesten',
      frameworkVersionId: starterId,
      profession: 'nurse',
      unitId: a.units.unit.id,
      templateKey: null,
      requirements: [
        { competenceCode: 'HC.EPR.1', requiredLevel: 2 },
        { competenceCode: 'HC.SEC.1', requiredLevel: 3 },
      ],
    });
    expect((await api(advisor(), 'GET', `${base(a)}/${profile.id}`)).json()).toEqual(profile);
    const list = (await api(advisor(), 'GET', base(a))).json<RoleProfile[]>();
    expect(list).toContainEqual(profile);
    expect(list.every((p) => p.municipalityId === a.municipality.id)).toBe(true);
  });

  it('accepts a profile without requirements and without profession or unit', async () => {
    const profile = await create({ name: 'Tom profil', profession: null, description: null, requirements: [] });
    expect(profile).toMatchObject({ profession: null, unitId: null, description: null, requirements: [] });
  });

  it('refuses an unknown competence code and a level above the scale with 400 and the issue paths, storing nothing', async () => {
    const res = await api(advisor(), 'POST', base(a), input({
      name: 'Ugyldige krav',
      requirements: [
        { competenceCode: 'HC.SEC.1', requiredLevel: 2 },
        { competenceCode: 'NO.SUCH', requiredLevel: 1 },
        { competenceCode: 'HC.EPR.1', requiredLevel: 5 },
      ],
    }));
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    const issues = res.json().error.details.issues as { path: string[]; message: string }[];
    expect(issues.map((i) => i.path)).toEqual([
      ['requirements', '1', 'competenceCode'],
      ['requirements', '2', 'requiredLevel'],
    ]);
    expect(issues[0]!.message).toContain('NO.SUCH');
    expect(issues[1]!.message).toContain('4');
    expect(await profilesNamed('Ugyldige krav')).toEqual([]);
  });

  it('refuses a competence listed twice, levels outside 1–20 and a framework version that does not exist', async () => {
    const twice = await api(advisor(), 'POST', base(a), input({
      name: 'Dobbel',
      requirements: [
        { competenceCode: 'HC.SEC.1', requiredLevel: 2 },
        { competenceCode: 'HC.SEC.1', requiredLevel: 3 },
      ],
    }));
    expect(twice.statusCode).toBe(400);
    expect(errorCode(twice)).toBe('VALIDATION');
    expect(twice.json().error.details.issues).toEqual([{ path: ['requirements'], message: expect.stringMatching(/twice/) }]);

    for (const requiredLevel of [0, 21, 2.5]) {
      const res = await api(advisor(), 'POST', base(a), input({ name: 'Dobbel', requirements: [{ competenceCode: 'HC.SEC.1', requiredLevel }] }));
      expect(res.statusCode, String(requiredLevel)).toBe(400);
      expect(res.json().error.details.issues[0].path, String(requiredLevel)).toEqual(['body', 'requirements', '0', 'requiredLevel']);
    }

    const noVersion = await api(advisor(), 'POST', base(a), input({ name: 'Dobbel', frameworkVersionId: '00000000-0000-4000-8000-000000000000' }));
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details).toEqual({ field: 'frameworkVersionId' });
    expect(await profilesNamed('Dobbel')).toEqual([]);
  });

  it('checks requirements against the profile\'s own framework version', async () => {
    // A two-level framework: level 3 is off its scale, and starter codes are not in it.
    const csv = ['# key=to-nivaa; name=To nivå; version=1; language=nb', 'type;code;parent;level;name', 'level;;;1;En', 'level;;;2;To', 'area;A;;;A', 'competence;A.1;A;;A en', ''].join('\r\n');
    const imported = await send(t.app, a.sessions.platform_admin, 'POST', '/api/v1/frameworks/imports', { file: { fileName: 'to-nivaa.csv', content: csv, contentType: 'text/csv' } });
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(200);
    const versionId = imported.json().versionId as string;
    const ok = await create({ name: 'To nivå ok', frameworkVersionId: versionId, requirements: [{ competenceCode: 'A.1', requiredLevel: 2 }] });
    expect(ok.frameworkVersionId).toBe(versionId);
    const res = await api(advisor(), 'POST', base(a), input({ name: 'To nivå feil', frameworkVersionId: versionId, requirements: [{ competenceCode: 'A.1', requiredLevel: 3 }, { competenceCode: 'HC.SEC.1', requiredLevel: 1 }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { path: string[] }) => i.path)).toEqual([
      ['requirements', '0', 'requiredLevel'],
      ['requirements', '1', 'competenceCode'],
    ]);
    // A PATCH is checked against the stored version, not the starter framework.
    const patch = await api(advisor(), 'PATCH', `${base(a)}/${ok.id}`, { requirements: [{ competenceCode: 'HC.SEC.1', requiredLevel: 1 }] });
    expect(patch.statusCode).toBe(400);
  });

  it('only takes a unit of the municipality itself (another tenant\'s unit or an unknown id → 400), on create, from a template and on update', async () => {
    for (const unitId of [b.units.unit.id, '00000000-0000-4000-8000-000000000000']) {
      const created = await api(advisor(), 'POST', base(a), input({ name: 'Fremmed enhet', unitId }));
      expect(created.statusCode, unitId).toBe(400);
      expect(created.json().error).toMatchObject({ code: 'VALIDATION', details: { field: 'unitId' } });
      const fromTemplate = await api(advisor(), 'POST', `${base(a)}/from-template`, { templateKey: 'assistant-care', name: 'Fremmed enhet', unitId });
      expect(fromTemplate.statusCode, unitId).toBe(400);
      expect(fromTemplate.json().error.details).toEqual({ field: 'unitId' });
    }
    expect(await profilesNamed('Fremmed enhet')).toEqual([]);

    const profile = await create({ name: 'Enhet flyttes', unitId: a.units.unit.id });
    const moved = await api(advisor(), 'PATCH', `${base(a)}/${profile.id}`, { unitId: b.units.unit.id });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual({ field: 'unitId' });
    expect((await api(advisor(), 'GET', `${base(a)}/${profile.id}`)).json().unitId).toBe(a.units.unit.id);
  });

  it('lets the unit go (unit_id set to null) when the unit is deleted, keeping the profile', async () => {
    const unit = await createUnit(t.db, a.municipality.id, { kind: 'team', parent_id: a.units.unit.id });
    const profile = await create({ name: 'Enhet slettes', unitId: unit.id });
    await t.db.deleteFrom('units').where('id', '=', unit.id).execute();
    const after = (await api(advisor(), 'GET', `${base(a)}/${profile.id}`)).json<RoleProfile>();
    expect(after).toEqual({ ...profile, unitId: null });
  });
});

describe('changing, copying and deleting', () => {
  it('PATCH replaces the requirements and keeps what it is not given; every change is audited with before and after', async () => {
    const profile = await create({ name: 'Før endring', unitId: a.units.unit.id });
    const res = await api(a.sessions.municipal_admin, 'PATCH', `${base(a)}/${profile.id}`, {
      name: 'Etter endring',
      requirements: [{ competenceCode: 'HC.WT.1', requiredLevel: 4 }],
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const updated = res.json<RoleProfile>();
    expect(updated).toEqual({ ...profile, name: 'Etter endring', requirements: [{ competenceCode: 'HC.WT.1', requiredLevel: 4 }], updatedAt: expect.any(String) });
    expect(updated.updatedAt > profile.updatedAt).toBe(true);
    expect(await requirementRows(profile.id)).toHaveLength(1);

    // Without requirements, the requirements stay; null clears the optional fields.
    const cleared = await api(a.sessions.municipal_admin, 'PATCH', `${base(a)}/${profile.id}`, { description: null, unitId: null, profession: null });
    expect(cleared.json()).toEqual({ ...updated, description: null, unitId: null, profession: null, updatedAt: expect.any(String) });
    // An empty list removes them all.
    const emptied = await api(a.sessions.municipal_admin, 'PATCH', `${base(a)}/${profile.id}`, { requirements: [] });
    expect(emptied.json().requirements).toEqual([]);
    expect(await requirementRows(profile.id)).toEqual([]);

    const events = await auditOf(a.municipality.id, profile.id);
    expect(events.map((e) => e.action)).toEqual(['role_profile.create', 'role_profile.update', 'role_profile.update', 'role_profile.update']);
    expect(events[0]).toMatchObject({ before: null, after: profile, actor_user_id: a.users.competence_advisor.id });
    expect(events[1]).toMatchObject({ before: profile, after: updated, actor_user_id: a.users.municipal_admin.id, entity_type: 'role_profile' });
    expect(events[2]).toMatchObject({ before: updated, after: cleared.json() });
  });

  it('refuses an invalid PATCH without changing anything', async () => {
    const profile = await create({ name: 'Uendret' });
    const before = await auditOf(a.municipality.id, profile.id);
    const res = await api(advisor(), 'PATCH', `${base(a)}/${profile.id}`, { name: 'Endret', requirements: [{ competenceCode: 'NO.SUCH', requiredLevel: 1 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toEqual(['requirements', '0', 'competenceCode']);
    expect((await api(advisor(), 'GET', `${base(a)}/${profile.id}`)).json()).toEqual(profile);
    expect(await auditOf(a.municipality.id, profile.id)).toEqual(before);
  });

  it('copies into an independent profile: changing or deleting one leaves the other', async () => {
    const original = await create({ name: 'Original', unitId: a.units.unit.id });
    const res = await api(advisor(), 'POST', `${base(a)}/${original.id}/copy`, { name: 'Kopi' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const copy = res.json<RoleProfile>();
    expect(copy.id).not.toBe(original.id);
    expect(copy).toEqual({ ...original, id: copy.id, name: 'Kopi', updatedAt: expect.any(String) });

    await api(advisor(), 'PATCH', `${base(a)}/${copy.id}`, { requirements: [{ competenceCode: 'HC.DIG.1', requiredLevel: 1 }] });
    expect((await api(advisor(), 'GET', `${base(a)}/${original.id}`)).json()).toEqual(original);
    expect((await api(advisor(), 'DELETE', `${base(a)}/${original.id}`)).statusCode).toBe(200);
    expect((await api(advisor(), 'GET', `${base(a)}/${copy.id}`)).json().requirements).toEqual([{ competenceCode: 'HC.DIG.1', requiredLevel: 1 }]);

    const [created] = await auditOf(a.municipality.id, copy.id);
    expect(created).toMatchObject({ action: 'role_profile.create', after: copy });
    // A copy of a template-made profile remembers the template.
    const fromTemplate = (await api(advisor(), 'POST', `${base(a)}/from-template`, { templateKey: 'nurse-home-care', name: 'Mal-basert' })).json<RoleProfile>();
    const copied = (await api(advisor(), 'POST', `${base(a)}/${fromTemplate.id}/copy`, { name: 'Kopi av mal' })).json<RoleProfile>();
    expect(copied).toMatchObject({ templateKey: 'nurse-home-care', requirements: fromTemplate.requirements });
  });

  it('deletes a profile with its requirements, auditing what it was', async () => {
    const profile = await create({ name: 'Slettes' });
    const res = await api(advisor(), 'DELETE', `${base(a)}/${profile.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(errorCode(await api(advisor(), 'GET', `${base(a)}/${profile.id}`))).toBe('NOT_FOUND');
    expect(await requirementRows(profile.id)).toEqual([]);
    expect(errorCode(await api(advisor(), 'DELETE', `${base(a)}/${profile.id}`))).toBe('NOT_FOUND');
    const events = await auditOf(a.municipality.id, profile.id);
    expect(events.map((e) => e.action)).toEqual(['role_profile.create', 'role_profile.delete']);
    expect(events[1]).toMatchObject({ before: profile, after: null, actor_user_id: a.users.competence_advisor.id });
  });
});

describe('who may', () => {
  it('lets leaders and ombud read but not change; employees neither', async () => {
    const profile = await create({ name: 'Lesbar' });
    const item = `${base(a)}/${profile.id}`;
    for (const role of ['leader', 'ombud'] as const) {
      const session = a.sessions[role];
      expect((await api(session, 'GET', base(a))).statusCode, role).toBe(200);
      expect((await api(session, 'GET', item)).json(), role).toEqual(profile);
      const refused = [
        await api(session, 'POST', base(a), input({ name: `Av ${role}` })),
        await api(session, 'POST', `${base(a)}/from-template`, { templateKey: 'assistant-care', name: `Av ${role}` }),
        await api(session, 'PATCH', item, { name: `Av ${role}` }),
        await api(session, 'POST', `${item}/copy`, { name: `Av ${role}` }),
        await api(session, 'DELETE', item),
      ];
      expect(refused.map((r) => r.statusCode), role).toEqual([403, 403, 403, 403, 403]);
      expect(refused.every((r) => errorCode(r) === 'FORBIDDEN'), role).toBe(true);
      expect(await profilesNamed(`Av ${role}`)).toEqual([]);
    }
    expect((await api(a.sessions.leader, 'GET', item)).json()).toEqual(profile);
    expect(errorCode(await api(a.sessions.employee, 'GET', base(a)))).toBe('FORBIDDEN');
    expect(errorCode(await api(a.sessions.employee, 'GET', item))).toBe('FORBIDDEN');
  });

  it('hides another municipality\'s profiles: its path is not found, and its ids under one\'s own path are not found', async () => {
    const theirs = await create({ name: 'Bs profil' }, b, b.sessions.competence_advisor);
    expect(errorCode(await api(advisor(), 'GET', base(b)))).toBe('NOT_FOUND');
    expect(errorCode(await api(advisor(), 'GET', `${base(b)}/${theirs.id}`))).toBe('NOT_FOUND');
    for (const [method, suffix, payload] of [
      ['GET', '', undefined],
      ['PATCH', '', { name: 'Kapret' }],
      ['POST', '/copy', { name: 'Kapret' }],
      ['DELETE', '', undefined],
    ] as const) {
      expect(errorCode(await api(advisor(), method, `${base(a)}/${theirs.id}${suffix}`, payload)), method + suffix).toBe('NOT_FOUND');
    }
    expect((await api(advisor(), 'GET', base(a))).json<RoleProfile[]>().map((p) => p.id)).not.toContain(theirs.id);
    expect((await api(b.sessions.competence_advisor, 'GET', `${base(b)}/${theirs.id}`)).json()).toEqual(theirs);
    expect(await profilesNamed('Kapret')).toEqual([]);
  });
});

describe('row-level security', () => {
  it('withTenant(A) sees none of B\'s profiles or requirements, even when asking for them by id', async () => {
    const mine = await create({ name: 'RLS A' });
    const theirs = await create({ name: 'RLS B' }, b, b.sessions.competence_advisor);
    for (const table of ['role_profiles', 'role_profile_requirements'] as const) {
      const seen = await withTenant(t.db, a.municipality.id, (tx) =>
        sql<{ municipality_id: string }>`select distinct municipality_id from ${sql.table(table)}`.execute(tx),
      );
      expect(seen.rows.map((r) => r.municipality_id), table).toEqual([a.municipality.id]);
    }
    const byId = await withTenant(t.db, a.municipality.id, (tx) => tx.selectFrom('role_profiles').select('id').where('id', 'in', [mine.id, theirs.id]).execute());
    expect(byId.map((r) => r.id)).toEqual([mine.id]);
    const reqs = await withTenant(t.db, a.municipality.id, (tx) => tx.selectFrom('role_profile_requirements').select('profile_id').where('profile_id', '=', theirs.id).execute());
    expect(reqs).toEqual([]);
    // Changes to B's rows from inside A touch nothing.
    const updated = await withTenant(t.db, a.municipality.id, (tx) => tx.updateTable('role_profiles').set({ name: 'Kapret' }).where('id', '=', theirs.id).executeTakeFirst());
    expect(Number(updated.numUpdatedRows)).toBe(0);
    const deleted = await withTenant(t.db, a.municipality.id, (tx) => tx.deleteFrom('role_profile_requirements').where('profile_id', '=', theirs.id).executeTakeFirst());
    expect(Number(deleted.numDeletedRows)).toBe(0);
    expect((await api(b.sessions.competence_advisor, 'GET', `${base(b)}/${theirs.id}`)).json()).toEqual(theirs);
  });

  it('withTenant(A) cannot write a profile or a requirement for B (SQLSTATE 42501)', async () => {
    const theirs = await create({ name: 'RLS B2' }, b, b.sessions.competence_advisor);
    const attempts = [
      (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) =>
        tx.insertInto('role_profiles').values({ municipality_id: b.municipality.id, name: 'Smuglet', framework_version_id: starterId }).execute(),
      (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) =>
        tx.insertInto('role_profile_requirements').values({ municipality_id: b.municipality.id, profile_id: theirs.id, competence_code: 'HC.DIG.1', required_level: 1 }).execute(),
    ];
    for (const attempt of attempts) {
      let error: unknown;
      try {
        await withTenant(t.db, a.municipality.id, attempt);
      } catch (err) {
        error = err;
      }
      expect((error as { code?: string } | undefined)?.code).toBe('42501');
    }
    expect(await profilesNamed('Smuglet')).toEqual([]);
    expect((await requirementRows(theirs.id)).map((r) => r.competence_code).sort()).toEqual(theirs.requirements.map((r) => r.competenceCode).sort());
  });
});

describe('saving without changes', () => {
  it('writes no audit event when a PATCH changes nothing', async () => {
    const profile = await create({ name: `Unchanged ${Date.now()}` });
    const before = (await auditOf(a.municipality.id, profile.id)).length;
    const empty = await api(advisor(), 'PATCH', `${base(a)}/${profile.id}`, {});
    expect(empty.statusCode).toBe(200);
    const same = await api(advisor(), 'PATCH', `${base(a)}/${profile.id}`, { name: profile.name, requirements: profile.requirements });
    expect(same.statusCode).toBe(200);
    expect((await auditOf(a.municipality.id, profile.id)).length).toBe(before);
    const renamed = await api(advisor(), 'PATCH', `${base(a)}/${profile.id}`, { name: `${profile.name} (renamed)` });
    expect(renamed.statusCode).toBe(200);
    expect((await auditOf(a.municipality.id, profile.id)).length).toBe(before + 1);
  });
});

describe('two people editing one profile', () => {
  it('refuses a save based on an outdated copy with 409 and keeps the other save', async () => {
    const profile = await create({ name: `Concurrent ${Date.now()}` });
    const first = await api(advisor(), 'PATCH', `${base(a)}/${profile.id}`, { name: 'First editor', expectedUpdatedAt: profile.updatedAt });
    expect(first.statusCode).toBe(200);
    const second = await api(a.sessions.municipal_admin, 'PATCH', `${base(a)}/${profile.id}`, { name: 'Second editor', expectedUpdatedAt: profile.updatedAt });
    expect(second.statusCode).toBe(409);
    expect(errorCode(second)).toBe('CONFLICT');
    const now = await api(advisor(), 'GET', `${base(a)}/${profile.id}`);
    expect(now.json().name).toBe('First editor');
    const retry = await api(a.sessions.municipal_admin, 'PATCH', `${base(a)}/${profile.id}`, { name: 'Second editor', expectedUpdatedAt: now.json().updatedAt });
    expect(retry.statusCode).toBe(200);
  });
});
