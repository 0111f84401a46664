import type { PeopleImport } from '../../../shared/api/people.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type AppDeps, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { recordAudit, type Actor } from '../audit/audit.repository.js';
import { applyUnitResolution, parseEmployeeFile, type RowError } from './import/people-import.parse.js';
import { applyPlannedRows, loadExistingPeople, planRows, type PlannedRow } from './people-import.apply.js';
import * as repo from './people-import.repository.js';
import { peoplePolicy } from './people.policy.js';

const PREVIEW_ROWS = 200;
const PROGRESS_WRITE_MS = 250;
/** Progress of commits in this process: the commit's own transaction holds the row, so it lives here. */
const commitProgress = new Map<string, { done: number; total: number }>();

function present(r: repo.ImportRecord): PeopleImport {
  const rows = (r.rows as PlannedRow[]) ?? [];
  const live = commitProgress.get(r.id);
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    status: r.status as PeopleImport['status'],
    progress: live ?? { done: r.progress_done, total: r.progress_total },
    totalRows: r.progress_total,
    errors: r.errors as RowError[],
    fileErrors: r.file_errors as PeopleImport['fileErrors'],
    summary: (r.summary as PeopleImport['summary']) ?? null,
    preview: rows.slice(0, PREVIEW_ROWS).map((x) => ({
      row: x.row,
      employeeNumber: x.employeeNumber,
      givenName: x.givenName,
      familyName: x.familyName,
      email: x.email,
      profession: x.profession,
      positionPct: x.positionPct,
      unitRef: x.unitRef,
      action: x.action,
    })),
    createdAt: r.created_at.toISOString(),
    committedAt: r.committed_at?.toISOString() ?? null,
  };
}

export function assertCanImport(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!peoplePolicy.manage(p, municipalityId)) throw AppError.forbidden();
}

export async function getImport(ctx: RequestContext, municipalityId: string, importId: string): Promise<PeopleImport> {
  assertCanImport(ctx, municipalityId);
  const row = await withTenant(ctx.db, municipalityId, (tx) => repo.findImport(tx, municipalityId, importId));
  if (!row) throw AppError.notFound('Import');
  return present(row);
}

/** Step 1: keep the upload, then parse and validate it in the background. */
export async function startImport(ctx: RequestContext, municipalityId: string, file: { fileName: string; data: Buffer }): Promise<PeopleImport> {
  assertCanImport(ctx, municipalityId);
  const id = await withTenant(ctx.db, municipalityId, async (tx) => {
    const row = await tx
      .insertInto('people_imports')
      .values({ municipality_id: municipalityId, created_by: ctx.principal!.userId, file_name: file.fileName.slice(0, 255), file_data: file.data, status: 'parsing', rows: '[]', errors: '[]', file_errors: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'people_import.upload', entityType: 'people_import', entityId: row.id, after: { fileName: file.fileName, bytes: file.data.length } });
    return row.id;
  });
  // Read the answer before the job starts: on the embedded database (one
  // session) a read queued behind the job would wait for all of its work.
  const accepted = await getImport(ctx, municipalityId, id);
  ctx.jobs.run('people-import.parse', () => parseImport(ctx, municipalityId, id));
  return accepted;
}

/** Parses in the background; an unexpected failure still ends the import with a reason, never "parsing" forever. */
export async function parseImport(deps: AppDeps, municipalityId: string, importId: string): Promise<void> {
  try {
    await parseAndPlan(deps, municipalityId, importId);
  } catch (err) {
    deps.log.error({ err, importId }, 'people import could not be read');
    await repo.updateImport(deps.db, municipalityId, importId, {
      status: 'invalid',
      file_errors: JSON.stringify([{ code: 'PARSE_FAILED', message: 'The file could not be read. Check that it is a CSV or XLSX export and upload it again.' }]),
    });
  }
}

async function parseAndPlan(deps: AppDeps, municipalityId: string, importId: string): Promise<void> {
  const { file_name, file_data } = await repo.loadImportFile(deps.db, municipalityId, importId);
  let lastWrite = 0;
  const parsed = await parseEmployeeFile({
    fileName: file_name,
    data: Buffer.from(file_data),
    onProgress: (done, total) => {
      if (Date.now() - lastWrite < PROGRESS_WRITE_MS) return;
      lastWrite = Date.now();
      void repo.updateImport(deps.db, municipalityId, importId, { progress_done: done, progress_total: total });
    },
  });
  await withTenant(deps.db, municipalityId, async (tx) => {
    const units = await tx.selectFrom('units').select(['id', 'code', 'name']).where('municipality_id', '=', municipalityId).execute();
    const resolved = applyUnitResolution(parsed, units);
    const existing = await loadExistingPeople(tx, municipalityId);
    const errors = [...resolved.errors, ...emailConflicts(resolved.rows, existing)].sort((a, b) => a.row - b.row);
    const planned = planRows(resolved.rows.filter((r) => !errors.some((e) => e.row === r.row)), existing);
    const valid = errors.length === 0 && parsed.fileErrors.length === 0 && planned.length > 0;
    const fileErrors = parsed.fileErrors.length === 0 && parsed.totalRows === 0 ? [{ code: 'EMPTY_FILE', message: 'The file has no employee rows.' }] : parsed.fileErrors;
    const count = (a: PlannedRow['action']) => planned.filter((r) => r.action === a).length;
    await repo.updateImport(tx, municipalityId, importId, {
      status: valid ? 'ready' : 'invalid',
      format: parsed.format ?? null,
      progress_done: parsed.totalRows,
      progress_total: parsed.totalRows,
      rows: JSON.stringify(planned),
      errors: JSON.stringify(errors),
      file_errors: JSON.stringify(fileErrors),
      summary: JSON.stringify({ create: count('create'), update: count('update'), unchanged: count('unchanged') }),
    });
  });
}

/** An e-mail address in the file that already belongs to a different employee. */
function emailConflicts(rows: { row: number; email: string | null; employeeNumber: string }[], existing: Awaited<ReturnType<typeof loadExistingPeople>>): RowError[] {
  const owner = new Map<string, string>();
  for (const p of existing.values()) if (p.email) owner.set(p.email.toLowerCase(), p.employee_number);
  return rows
    .filter((r) => r.email && owner.has(r.email) && owner.get(r.email) !== r.employeeNumber)
    .map((r) => ({ row: r.row, field: 'email', code: 'DUPLICATE_EMAIL', message: `This e-mail address belongs to employee ${owner.get(r.email!)}.`, value: r.email! }));
}

/** Step 2: apply every previewed row in one transaction, or nothing. */
export async function commitImport(ctx: RequestContext, municipalityId: string, importId: string): Promise<PeopleImport> {
  assertCanImport(ctx, municipalityId);
  await withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await repo.findImport(tx, municipalityId, importId);
    if (!current) throw AppError.notFound('Import');
    if (current.status !== 'ready') throw AppError.conflict(`This import cannot be committed while it is ${current.status}.`, { status: current.status });
    await repo.updateImport(tx, municipalityId, importId, { status: 'committing', progress_done: 0 });
  });
  const accepted = await getImport(ctx, municipalityId, importId);
  ctx.jobs.run('people-import.commit', () => runCommit(ctx, actorOf(ctx), municipalityId, importId));
  return accepted;
}

export async function runCommit(deps: AppDeps, actor: Actor, municipalityId: string, importId: string): Promise<void> {
  try {
    await withTenant(deps.db, municipalityId, async (tx) => {
      const record = await repo.findImport(tx, municipalityId, importId);
      if (!record || record.status !== 'committing') return;
      const rows = record.rows as PlannedRow[];
      commitProgress.set(importId, { done: 0, total: rows.length });
      const municipality = await tx.selectFrom('municipalities').select('default_language').where('id', '=', municipalityId).executeTakeFirstOrThrow();
      await applyPlannedRows(tx, municipalityId, actor, rows, municipality.default_language, (done) => commitProgress.set(importId, { done, total: rows.length }));
      await repo.updateImport(tx, municipalityId, importId, { status: 'committed', progress_done: rows.length, progress_total: rows.length, committed_at: new Date() });
      await recordAudit(tx, municipalityId, actor, { action: 'people_import.commit', entityType: 'people_import', entityId: importId, after: record.summary });
    });
  } catch (err) {
    deps.log.error({ err, importId }, 'people import commit failed; nothing was changed');
    await repo.updateImport(deps.db, municipalityId, importId, {
      status: 'failed',
      file_errors: JSON.stringify([{ code: 'COMMIT_FAILED', message: 'The import could not be saved, and nothing was changed. Upload the file again.' }]),
    });
  } finally {
    commitProgress.delete(importId);
  }
}

/** At start-up: finish what a stopped server left half done, from the kept uploads. */
export async function resumeUnfinishedImports(deps: AppDeps): Promise<void> {
  for (const job of await repo.unfinishedImports(deps.db)) {
    if (job.status === 'parsing') deps.jobs.run('people-import.parse', () => parseImport(deps, job.municipality_id, job.id));
    else deps.jobs.run('people-import.commit', () => runCommit(deps, { userId: null, label: 'system (resumed import)' }, job.municipality_id, job.id));
  }
}
