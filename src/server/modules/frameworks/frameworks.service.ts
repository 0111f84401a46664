import type { Kysely } from 'kysely';
import type { FrameworkSummary, FrameworkVersionDetail, Localized } from '../../../shared/api/frameworks.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { recordPlatformAudit, SYSTEM_ACTOR, type Actor } from '../audit/audit.repository.js';
import { frameworkDocument, frameworkProblems, type FrameworkDocument } from './framework.document.js';
import { frameworksPolicy } from './frameworks.policy.js';
import * as repo from './frameworks.repository.js';
import { FrameworkImportError } from './importers/errors.js';
import { importFrameworkFile } from './importers/index.js';
import { buildStarterFramework } from './starter/starter-framework.js';

type SummaryRow = Awaited<ReturnType<typeof repo.listFrameworks>>[number];

function summarize(rows: SummaryRow[]): FrameworkSummary[] {
  const byId = new Map<string, FrameworkSummary>();
  for (const r of rows) {
    const f = byId.get(r.id) ?? { id: r.id, key: r.key, name: r.name as Localized, builtIn: r.built_in, versions: [] };
    f.versions.push({
      id: r.version_id,
      version: r.version,
      importedAt: r.imported_at.toISOString(),
      source: r.source,
      licence: r.licence,
      counts: { areas: Number(r.areas), competences: Number(r.competences), levels: Number(r.levels), statements: Number(r.statements) },
    });
    byId.set(r.id, f);
  }
  return [...byId.values()];
}

export async function listFrameworks(ctx: RequestContext): Promise<FrameworkSummary[]> {
  if (!frameworksPolicy.read(requirePrincipal(ctx))) throw AppError.forbidden();
  return summarize(await repo.listFrameworks(ctx.db));
}

export async function getFrameworkVersion(ctx: RequestContext, versionId: string): Promise<FrameworkVersionDetail> {
  if (!frameworksPolicy.read(requirePrincipal(ctx))) throw AppError.forbidden();
  const v = await repo.loadVersion(ctx.db, versionId);
  if (!v) throw AppError.notFound('Framework version');
  return {
    id: v.head.id,
    frameworkId: v.head.framework_id,
    key: v.head.key,
    version: v.head.version,
    name: v.head.name as Localized,
    description: (v.head.description as Localized | null) ?? null,
    source: v.head.source,
    licence: v.head.licence,
    levels: v.levels.map((l) => ({ level: l.level, name: l.name as Localized, description: (l.description as Localized | null) ?? null })),
    areas: v.areas.map((a) => ({ code: a.code, name: a.name as Localized, description: (a.description as Localized | null) ?? null })),
    competences: v.competences.map((c) => ({
      code: c.code,
      areaCode: c.area_code,
      name: c.name as Localized,
      description: (c.description as Localized | null) ?? null,
      digcompRef: c.digcomp_ref,
      levelDescriptions: c.level_descriptions as { level: number; text: Localized }[],
      statementCount: Number(c.statement_count),
    })),
  };
}

export async function listStatements(ctx: RequestContext, versionId: string, filter: { competenceCode?: string; level?: number }) {
  await getFrameworkVersion(ctx, versionId);
  return (await repo.listStatements(ctx.db, versionId, filter)).map((s) => ({ code: s.code, competenceCode: s.competence_code, level: s.level, text: s.text as Localized }));
}

/**
 * Stores a framework document as a new immutable version. The same key and
 * version with identical content is a no-op; with different content it is a
 * conflict, because answers already given refer to the stored version.
 */
export async function storeFrameworkVersion(db: Kysely<DB>, doc: FrameworkDocument, actor: Actor, opts: { builtIn: boolean }) {
  const parsed = frameworkDocument.parse(doc);
  const problems = frameworkProblems(parsed);
  if (problems.length > 0) throw new AppError('IMPORT_INVALID', 'The framework is not consistent.', { problems: problems.map((message) => ({ message })) });
  return db.transaction().execute(async (tx) => {
    const framework = await repo.findFramework(tx, parsed.key);
    if (framework?.built_in && !opts.builtIn) {
      throw AppError.conflict(`"${parsed.key}" is a framework that ships with Mestring; import yours under another key.`, { field: 'key' });
    }
    const existing = await repo.findVersion(tx, parsed.key, parsed.version);
    if (existing) {
      if (existing.content_hash === repo.contentHash(parsed)) return { created: false, frameworkId: existing.framework_id, versionId: existing.id };
      throw AppError.conflict(`Version ${parsed.version} of "${parsed.key}" already exists with other content. Versions never change once stored: give this one a new version number.`);
    }
    const ids = await repo.insertVersion(tx, parsed, { builtIn: opts.builtIn, importedBy: actor.userId });
    await recordPlatformAudit(tx, null, actor, {
      action: 'framework.import',
      entityType: 'framework_version',
      entityId: ids.versionId,
      after: { key: parsed.key, version: parsed.version, competences: parsed.competences.length, statements: parsed.statements.length },
    });
    return { created: true, ...ids };
  });
}

export async function importFramework(ctx: RequestContext, fileName: string, data: Buffer) {
  if (!frameworksPolicy.import(requirePrincipal(ctx))) throw AppError.forbidden();
  let doc: FrameworkDocument;
  try {
    doc = await importFrameworkFile(fileName, data);
  } catch (err) {
    if (err instanceof FrameworkImportError) throw new AppError('IMPORT_INVALID', err.message, { code: err.code, problems: err.details });
    throw err;
  }
  const result = await storeFrameworkVersion(ctx.db, doc, actorOf(ctx), { builtIn: false });
  const [framework] = summarize(await repo.listFrameworks(ctx.db, [result.frameworkId]));
  return { created: result.created, framework: framework!, versionId: result.versionId };
}

/** The starter framework ships with Mestring: installed at start-up, once per version. */
export async function ensureBuiltInFrameworks(db: Kysely<DB>): Promise<void> {
  await storeFrameworkVersion(db, buildStarterFramework(), SYSTEM_ACTOR, { builtIn: true });
}

export function assertCanImportFramework(ctx: RequestContext): void {
  if (!frameworksPolicy.import(requirePrincipal(ctx))) throw AppError.forbidden();
}
