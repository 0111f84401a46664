import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { SYSTEM_ACTOR } from '../../src/server/modules/audit/audit.repository.js';
import type { FrameworkDocument } from '../../src/server/modules/frameworks/framework.document.js';
import { findVersion } from '../../src/server/modules/frameworks/frameworks.repository.js';
import { ensureBuiltInFrameworks, storeFrameworkVersion } from '../../src/server/modules/frameworks/frameworks.service.js';
import { STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../../src/server/modules/frameworks/starter/starter-framework.js';
import type { Tenant } from '../factories.js';
import { unique } from './objects.js';

// Framework versions are platform-wide reference data: installed once per
// database and shared by every tenant. Role profiles are tenant objects that
// point at one; the matrix makes a fresh profile for every call that changes one.

const starter = new WeakMap<Kysely<DB>, Promise<string>>();

/** The id of the built-in starter framework version, installing it first (idempotent) once per database. */
export function starterVersionId(db: Kysely<DB>): Promise<string> {
  let id = starter.get(db);
  if (!id) {
    id = (async () => {
      await ensureBuiltInFrameworks(db);
      return (await findVersion(db, STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION))!.id;
    })();
    starter.set(db, id);
  }
  return id;
}

/** A two-level framework with statements (the starter framework has none), for the statements route. */
export const TINY_FRAMEWORK: FrameworkDocument = {
  key: 'matrix-tiny',
  name: { en: 'Matrix tiny framework', nb: 'Lite rammeverk' },
  version: '1',
  source: null,
  licence: null,
  levels: [
    { level: 1, name: { en: 'One' } },
    { level: 2, name: { en: 'Two' } },
  ],
  areas: [{ code: 'A', name: { en: 'Area A' } }],
  competences: [
    { code: 'A.1', areaCode: 'A', name: { en: 'First' } },
    { code: 'A.2', areaCode: 'A', name: { en: 'Second' } },
  ],
  statements: [
    { code: 'A.1.a', competenceCode: 'A.1', level: 1, text: { en: 'First at one' } },
    { code: 'A.1.b', competenceCode: 'A.1', level: 2, text: { en: 'First at two' } },
    { code: 'A.2.a', competenceCode: 'A.2', level: 1, text: { en: 'Second at one' } },
  ],
};

const tiny = new WeakMap<Kysely<DB>, Promise<string>>();
export function tinyVersionId(db: Kysely<DB>): Promise<string> {
  let id = tiny.get(db);
  if (!id) {
    id = storeFrameworkVersion(db, structuredClone(TINY_FRAMEWORK), SYSTEM_ACTOR, { builtIn: false }).then((r) => r.versionId);
    tiny.set(db, id);
  }
  return id;
}

/** A role profile with one requirement, written directly (as the owner, around the API). */
export async function freshRoleProfile(db: Kysely<DB>, tenant: Tenant, name = unique('Profile ')): Promise<string> {
  const versionId = await starterVersionId(db);
  const municipalityId = tenant.municipality.id;
  const { id } = await db
    .insertInto('role_profiles')
    .values({ municipality_id: municipalityId, name, framework_version_id: versionId, profession: 'nurse' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_profile_requirements').values({ municipality_id: municipalityId, profile_id: id, competence_code: 'HC.SEC.1', required_level: 2 }).execute();
  return id;
}

/** A CSV framework file with a unique key, small enough to import on every matrix call. */
export function csvFramework(key = unique('matrix-csv-')): { key: string; content: string } {
  const content = [
    `# key=${key}; name=Matrix CSV; version=1.0; language=nb`,
    'type;code;parent;level;name',
    'level;;;1;Grunnleggende',
    'level;;;2;Selvstendig',
    'area;A;;;Område A',
    'competence;A.1;A;;Kompetanse A.1',
    'statement;A.1.1;A.1;1;Kan noe enkelt',
    '',
  ].join('\r\n');
  return { key, content };
}
