import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { FrameworkDocument } from './framework.document.js';

type Db = Kysely<DB> | Transaction<DB>;
const CHUNK = 200;
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Same document, same hash: re-importing an unchanged file is a no-op, not a conflict. */
export function contentHash(doc: FrameworkDocument): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

export function findVersion(db: Db, key: string, version: string) {
  return db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select(['v.id', 'v.content_hash', 'f.id as framework_id'])
    .where('f.key', '=', key)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export async function insertVersion(tx: Transaction<DB>, doc: FrameworkDocument, opts: { builtIn: boolean; importedBy: string | null }) {
  const framework = await tx
    .insertInto('frameworks')
    .values({ key: doc.key, name: JSON.stringify(doc.name), built_in: opts.builtIn })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst()
    .then(async (created) => created ?? (await tx.selectFrom('frameworks').select('id').where('key', '=', doc.key).executeTakeFirstOrThrow()));
  // The framework is called what its newest version calls it: importing an
  // older version (DigComp 2.2 after 3.0) must not rename it.
  const versions = await tx.selectFrom('framework_versions').select('version').where('framework_id', '=', framework.id).execute();
  if (versions.every((v) => compareVersions(doc.version, v.version) > 0)) {
    await tx.updateTable('frameworks').set({ name: JSON.stringify(doc.name) }).where('id', '=', framework.id).execute();
  }
  const version = await tx
    .insertInto('framework_versions')
    .values({
      framework_id: framework.id,
      version: doc.version,
      name: JSON.stringify(doc.name),
      description: json(doc.description),
      source: doc.source,
      licence: doc.licence,
      content_hash: contentHash(doc),
      imported_by: opts.importedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const v = version.id;
  await tx.insertInto('framework_levels').values(doc.levels.map((l) => ({ version_id: v, level: l.level, name: JSON.stringify(l.name), description: json(l.description) }))).execute();
  await tx.insertInto('framework_areas').values(doc.areas.map((a, i) => ({ version_id: v, code: a.code, position: i, name: JSON.stringify(a.name), description: json(a.description) }))).execute();
  for (let i = 0; i < doc.competences.length; i += CHUNK) {
    const chunk = doc.competences.slice(i, i + CHUNK);
    await tx
      .insertInto('framework_competences')
      .values(
        chunk.map((c, j) => ({
          version_id: v,
          code: c.code,
          area_code: c.areaCode,
          position: i + j,
          name: JSON.stringify(c.name),
          description: json(c.description),
          digcomp_ref: c.digcompRef ?? null,
          level_descriptions: JSON.stringify(c.levelDescriptions ?? []),
        })),
      )
      .execute();
  }
  for (let i = 0; i < doc.statements.length; i += CHUNK) {
    const chunk = doc.statements.slice(i, i + CHUNK);
    await tx
      .insertInto('framework_statements')
      .values(chunk.map((s) => ({ version_id: v, code: s.code, competence_code: s.competenceCode, level: s.level, text: JSON.stringify(s.text) })))
      .execute();
  }
  return { frameworkId: framework.id, versionId: v };
}

export async function listFrameworks(db: Db, frameworkIds?: string[]) {
  let q = db
    .selectFrom('frameworks as f')
    .innerJoin('framework_versions as v', 'v.framework_id', 'f.id')
    .select(['f.id', 'f.key', 'f.name', 'f.built_in', 'v.id as version_id', 'v.version', 'v.imported_at', 'v.source', 'v.licence'])
    .select([
      sql<number>`(select count(*) from framework_areas a where a.version_id = v.id)`.as('areas'),
      sql<number>`(select count(*) from framework_competences c where c.version_id = v.id)`.as('competences'),
      sql<number>`(select count(*) from framework_levels l where l.version_id = v.id)`.as('levels'),
      sql<number>`(select count(*) from framework_statements s where s.version_id = v.id)`.as('statements'),
    ])
    .orderBy('f.built_in', 'desc')
    .orderBy('f.key')
    .orderBy('v.imported_at', 'desc');
  if (frameworkIds) q = q.where('f.id', 'in', frameworkIds);
  return q.execute();
}

export async function loadVersion(db: Db, versionId: string) {
  const head = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select(['v.id', 'v.framework_id', 'f.key', 'v.version', 'v.name', 'v.description', 'v.source', 'v.licence'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!head) return undefined;
  const [levels, areas, competences] = await Promise.all([
    db.selectFrom('framework_levels').selectAll().where('version_id', '=', versionId).orderBy('level').execute(),
    db.selectFrom('framework_areas').selectAll().where('version_id', '=', versionId).orderBy('position').execute(),
    db
      .selectFrom('framework_competences as c')
      .selectAll('c')
      .select(sql<number>`(select count(*) from framework_statements s where s.version_id = c.version_id and s.competence_code = c.code)`.as('statement_count'))
      .where('c.version_id', '=', versionId)
      .orderBy('c.position')
      .execute(),
  ]);
  return { head, levels, areas, competences };
}

export function listStatements(db: Db, versionId: string, filter: { competenceCode?: string; level?: number }) {
  let q = db.selectFrom('framework_statements').selectAll().where('version_id', '=', versionId);
  if (filter.competenceCode) q = q.where('competence_code', '=', filter.competenceCode);
  if (filter.level) q = q.where('level', '=', filter.level);
  return q.orderBy('competence_code').orderBy('level').orderBy('code').execute();
}

/** Orders "2.2" < "3.0" < "10.1" (numeric parts compared as numbers). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function findFramework(db: Db, key: string) {
  return db.selectFrom('frameworks').select(['id', 'built_in']).where('key', '=', key).executeTakeFirst();
}
