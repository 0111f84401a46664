import type { Assignment, AssignmentPerson, AssignmentTarget, CreateAssignmentBody, UpdateAssignmentBody } from '../../../../shared/api/assignments.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { assignmentStatusCounts, assignmentStatuses, todayInLearningZone, type AssignmentCounts } from './assignment-status.js';
import { assignmentsPolicy } from './assignments.policy.js';
import * as repo from './assignments.repository.js';

// Assigning learning: create, change the schedule, archive, and follow who is
// done. A unit leader sees and changes only what lies in their unit subtrees.

/** What the caller may reach: everything, or these units with everything below them. */
type Reach = { all: true } | { all: false; unitIds: string[] };

async function reachOf(ctx: RequestContext, tx: TenantTx, municipalityId: string): Promise<Reach> {
  const access = assignmentsPolicy.access(requirePrincipal(ctx), municipalityId)!;
  return access.scope === 'municipality' ? { all: true } : { all: false, unitIds: await repo.subtreeUnitIds(tx, municipalityId, access.unitIds) };
}

function authorize(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!assignmentsPolicy.access(p, municipalityId)) throw AppError.forbidden();
}

const ZERO: AssignmentCounts = { people: 0, completed: 0, inProgress: 0, overdue: 0 };

function targetOf(r: repo.AssignmentRow): AssignmentTarget {
  switch (r.target_kind) {
    case 'person':
      return { kind: 'person', personId: r.target_person_id! };
    case 'unit':
      return { kind: 'unit', unitId: r.target_unit_id! };
    case 'profession':
      return { kind: 'profession', profession: r.target_profession as never };
    case 'role_profile':
      return { kind: 'role_profile', roleProfileId: r.target_role_profile_id! };
  }
}

function present(r: repo.AssignmentRow, counts: AssignmentCounts, language: string): Assignment {
  const targetName =
    r.target_kind === 'person' ? `${r.given_name} ${r.family_name}` : r.target_kind === 'unit' ? r.unit_name! : r.target_kind === 'role_profile' ? r.role_profile_name! : r.target_profession!;
  return {
    id: r.id,
    municipalityId: r.municipality_id,
    item: {
      id: r.item_id,
      kind: r.item_kind,
      status: r.item_status,
      title: repo.pickText(r.item_titles, language, r.item_languages),
      durationMinutes: r.item_duration_minutes,
      languages: r.item_languages as Assignment['item']['languages'],
    },
    target: targetOf(r),
    targetName,
    dueDate: r.due_date,
    dueDays: r.due_days,
    recurrenceMonths: r.recurrence_months,
    note: r.note,
    createdAt: r.created_at.toISOString(),
    archivedAt: r.archived_at?.toISOString() ?? null,
    counts,
  };
}

/** Does the target lie inside the caller's reach? (Professions and role profiles only for the whole municipality.) */
async function targetInReach(tx: TenantTx, municipalityId: string, reach: Reach, target: { kind: string; personId?: string | null; unitId?: string | null }) {
  if (reach.all) return true;
  if (assignmentsPolicy.needsMunicipalScope(target.kind)) return false;
  if (target.kind === 'unit') return reach.unitIds.includes(target.unitId!);
  return repo.personWorksIn(tx, municipalityId, target.personId!, reach.unitIds);
}

const rowTarget = (r: repo.AssignmentRow) => ({ kind: r.target_kind, personId: r.target_person_id, unitId: r.target_unit_id });
const scopeOf = (reach: Reach) => (reach.all ? {} : { unitIds: reach.unitIds });
const languageOf = (ctx: RequestContext, lang?: string) => lang ?? requirePrincipal(ctx).preferredLanguage;

export async function listAssignments(ctx: RequestContext, municipalityId: string, query: { itemId?: string; includeArchived?: boolean; lang?: string }) {
  authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const reach = await reachOf(ctx, tx, municipalityId);
    const counts = await assignmentStatusCounts(tx, municipalityId, { ...scopeOf(reach), ...(query.itemId ? { itemIds: [query.itemId] } : {}) }, todayInLearningZone());
    const rows = await repo.listAssignments(tx, municipalityId, { itemId: query.itemId, includeArchived: query.includeArchived });
    // A unit leader sees what targets their units and what reaches their people (a profession-wide refresher, say).
    const leading = reach.all ? null : await repo.peopleWorkingIn(tx, municipalityId, rows.flatMap((r) => (r.target_person_id ? [r.target_person_id] : [])), reach.unitIds);
    const visible = rows.filter(
      (r) => reach.all || counts.has(r.id) || (r.target_kind === 'unit' && reach.unitIds.includes(r.target_unit_id!)) || (r.target_kind === 'person' && leading!.has(r.target_person_id!)),
    );
    return visible.map((r) => present(r, counts.get(r.id) ?? ZERO, languageOf(ctx, query.lang)));
  });
}

/** The assignment as the caller may see it, or 404. */
async function visibleAssignment(tx: TenantTx, municipalityId: string, reach: Reach, assignmentId: string) {
  const row = (await repo.listAssignments(tx, municipalityId, { ids: [assignmentId], includeArchived: true }))[0];
  if (!row) throw AppError.notFound('Assignment');
  const counts = (await assignmentStatusCounts(tx, municipalityId, { ...scopeOf(reach), assignmentIds: [assignmentId] }, todayInLearningZone())).get(assignmentId);
  if (!reach.all && !counts && !(await targetInReach(tx, municipalityId, reach, rowTarget(row)))) throw AppError.notFound('Assignment');
  return { row, counts: counts ?? ZERO };
}

export async function getAssignment(ctx: RequestContext, municipalityId: string, assignmentId: string, lang?: string) {
  authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const { row, counts } = await visibleAssignment(tx, municipalityId, await reachOf(ctx, tx, municipalityId), assignmentId);
    return present(row, counts, languageOf(ctx, lang));
  });
}

async function checkTarget(tx: TenantTx, municipalityId: string, target: AssignmentTarget) {
  const ref =
    target.kind === 'person' ? (['person', target.personId] as const) : target.kind === 'unit' ? (['unit', target.unitId] as const) : target.kind === 'role_profile' ? (['role_profile', target.roleProfileId] as const) : null;
  if (ref && !(await repo.targetExists(tx, municipalityId, ref[0], ref[1]))) throw AppError.validation(`The ${ref[0].replace('_', ' ')} does not exist.`, { field: 'target' });
}

export async function createAssignment(ctx: RequestContext, municipalityId: string, body: CreateAssignmentBody) {
  authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const item = await repo.findItem(tx, municipalityId, body.itemId);
    if (!item) throw AppError.notFound('Learning item');
    if (item.status !== 'published') throw AppError.conflict('Only published items can be assigned.', { reason: 'ITEM_NOT_PUBLISHED' });
    await checkTarget(tx, municipalityId, body.target);
    const reach = await reachOf(ctx, tx, municipalityId);
    const t = body.target;
    if (!(await targetInReach(tx, municipalityId, reach, { kind: t.kind, personId: t.kind === 'person' ? t.personId : null, unitId: t.kind === 'unit' ? t.unitId : null }))) {
      throw AppError.forbidden(assignmentsPolicy.needsMunicipalScope(t.kind) ? 'Only leaders for the whole municipality can assign to a profession or role profile.' : 'You can only assign to people and units you lead.');
    }
    const { id } = await tx
      .insertInto('learning_assignments')
      .values({
        municipality_id: municipalityId,
        item_id: item.id,
        item_municipality_id: item.municipality_id,
        target_kind: t.kind,
        target_person_id: t.kind === 'person' ? t.personId : null,
        target_unit_id: t.kind === 'unit' ? t.unitId : null,
        target_profession: t.kind === 'profession' ? t.profession : null,
        target_role_profile_id: t.kind === 'role_profile' ? t.roleProfileId : null,
        due_date: body.dueDate ?? null,
        due_days: body.dueDays ?? null,
        recurrence_months: body.recurrenceMonths ?? null,
        note: body.note || null,
        created_by: ctx.principal!.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { row, counts } = await visibleAssignment(tx, municipalityId, reach, id);
    const after = present(row, counts, languageOf(ctx));
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning_assignment.create', entityType: 'learning_assignment', entityId: id, after: { ...after, counts: undefined } });
    return after;
  });
}

/** Loads an assignment the caller may change: 404 outside their view, 403 when it reaches past their units. */
async function changeable(ctx: RequestContext, tx: TenantTx, municipalityId: string, assignmentId: string) {
  const reach = await reachOf(ctx, tx, municipalityId);
  const found = await visibleAssignment(tx, municipalityId, reach, assignmentId);
  if (!(await targetInReach(tx, municipalityId, reach, rowTarget(found.row)))) throw AppError.forbidden('This assignment reaches beyond the units you lead.');
  return { ...found, reach };
}

export async function updateAssignment(ctx: RequestContext, municipalityId: string, assignmentId: string, body: UpdateAssignmentBody) {
  authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const { row, counts, reach } = await changeable(ctx, tx, municipalityId, assignmentId);
    if (row.archived_at) throw AppError.conflict('This assignment is archived.', { reason: 'ARCHIVED' });
    // Setting one kind of deadline clears the other, so an edit can switch between them.
    const set = {
      ...(body.dueDate !== undefined ? { due_date: body.dueDate, ...(body.dueDate ? { due_days: null } : {}) } : {}),
      ...(body.dueDays !== undefined ? { due_days: body.dueDays, ...(body.dueDays ? { due_date: null } : {}) } : {}),
      ...(body.recurrenceMonths !== undefined ? { recurrence_months: body.recurrenceMonths } : {}),
      ...(body.note !== undefined ? { note: body.note || null } : {}),
    };
    const before = present(row, counts, languageOf(ctx));
    if (Object.keys(set).length > 0) await tx.updateTable('learning_assignments').set(set).where('municipality_id', '=', municipalityId).where('id', '=', assignmentId).execute();
    const now = await visibleAssignment(tx, municipalityId, reach, assignmentId);
    const after = present(now.row, now.counts, languageOf(ctx));
    const strip = (a: Assignment) => JSON.stringify({ ...a, counts: null });
    if (strip(before) !== strip(after)) {
      await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning_assignment.update', entityType: 'learning_assignment', entityId: assignmentId, before: { ...before, counts: undefined }, after: { ...after, counts: undefined } });
    }
    return after;
  });
}

/** Archiving keeps the assignment (and its reminders) for history; it just stops reaching anyone. */
export async function archiveAssignment(ctx: RequestContext, municipalityId: string, assignmentId: string) {
  authorize(ctx, municipalityId);
  await withTenant(ctx.db, municipalityId, async (tx) => {
    const { row, counts } = await changeable(ctx, tx, municipalityId, assignmentId);
    if (row.archived_at) return;
    await tx.updateTable('learning_assignments').set({ archived_at: new Date() }).where('municipality_id', '=', municipalityId).where('id', '=', assignmentId).execute();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning_assignment.archive', entityType: 'learning_assignment', entityId: assignmentId, before: { ...present(row, counts, languageOf(ctx)), counts: undefined } });
  });
}

export async function assignmentPeople(ctx: RequestContext, municipalityId: string, assignmentId: string, filter: { overdue?: boolean; status?: AssignmentPerson['status'] }) {
  authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const reach = await reachOf(ctx, tx, municipalityId);
    await visibleAssignment(tx, municipalityId, reach, assignmentId);
    let rows = await assignmentStatuses(tx, municipalityId, { ...scopeOf(reach), assignmentIds: [assignmentId] }, todayInLearningZone());
    if (filter.overdue !== undefined) rows = rows.filter((r) => r.overdue === filter.overdue);
    if (filter.status) rows = rows.filter((r) => r.status === filter.status);
    const names = new Map((await repo.peopleNames(tx, municipalityId, rows.map((r) => r.personId))).map((p) => [p.id, p]));
    const people: AssignmentPerson[] = rows.map((r) => {
      const p = names.get(r.personId);
      return {
        personId: r.personId,
        name: p ? `${p.given_name} ${p.family_name}` : '',
        unitName: p?.unit_name ?? null,
        status: r.status,
        dueDate: r.dueDate,
        overdue: r.overdue,
        dueSoon: r.dueSoon,
        lastCompletedAt: r.lastCompletedAt?.toISOString() ?? null,
        validUntil: r.validUntil,
      };
    });
    // Late first, then by due date, then by name: who to follow up comes first.
    people.sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') || x.name.localeCompare(y.name, 'nb'));
    return { assignmentId, people };
  });
}
