import type { z } from 'zod';
import type {
  CompletionCounts,
  CompletionReport,
  completionQuery,
  peopleQuery,
  PeopleReport,
  PersonReport,
  TrendReport,
  trendQuery,
} from '../../../../shared/api/learning-reports.js';
import type { Language } from '../../../../shared/domain.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { languageChain, pick } from '../../frameworks/localize.js';
import { unitSubtreeIds } from '../../tenancy/tenancy.repository.js';
import { assignmentStatuses, LEARNING_TIME_ZONE, todayInLearningZone } from '../assignments/assignment-status.js';
import { completionCounts, type CountsRow, type UnitRows } from './completion.repository.js';
import { completionTrend, peopleWithCounts, type PersonCountsRow } from './people.repository.js';
import * as personRepo from './person.repository.js';
import { reportsPolicy, type ReportScope } from './reports.policy.js';

// Leader views of learning. Every call: the municipality must be visible
// (else 404), the caller must have a report scope (else 403), and every
// figure is limited to that scope: a unit leader's units and below, or the
// whole municipality. A unit or person outside the scope is "not found".

type Allowed = Exclude<ReportScope, { kind: 'none' }>;

function authorize(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const scope = reportsPolicy.scope(p, municipalityId);
  if (scope.kind === 'none') throw AppError.forbidden('Learning reports are for leaders, competence advisors and administrators.');
  return { p, scope };
}

export type ResolvedScope = {
  unit: { id: string; name: string } | null;
  /** Every unit whose people count (a subtree); null: the whole municipality. */
  unitIds: string[] | null;
  rows: UnitRows;
};

async function resolveScope(tx: TenantTx, m: string, scope: Allowed, unitId: string | undefined): Promise<ResolvedScope> {
  if (unitId) {
    const unit = await tx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', m).where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw AppError.notFound('Unit');
    if (scope.kind === 'units' && !(await unitSubtreeIds(tx, m, scope.rootUnitIds)).includes(unitId)) throw AppError.notFound('Unit');
    return { unit, unitIds: await unitSubtreeIds(tx, m, [unitId]), rows: { parentId: unitId } };
  }
  if (scope.kind === 'units') return { unit: null, unitIds: await unitSubtreeIds(tx, m, scope.rootUnitIds), rows: { unitIds: scope.rootUnitIds } };
  return { unit: null, unitIds: null, rows: { top: true } };
}

const chainFor = (p: { preferredLanguage: string }, lang?: Language) => languageChain(lang, p.preferredLanguage);

function countsOf(r: Pick<CountsRow, 'assigned' | 'completed' | 'in_progress' | 'not_started' | 'overdue'>): CompletionCounts {
  return {
    assigned: r.assigned,
    completed: r.completed,
    inProgress: r.in_progress,
    notStarted: r.not_started,
    overdue: r.overdue,
    completionRate: r.assigned > 0 ? Math.round((r.completed / r.assigned) * 10000) / 10000 : null,
  };
}

export async function completionReportIn(tx: TenantTx, m: string, resolved: ResolvedScope, itemId: string | undefined, chain: Language[], today: string): Promise<CompletionReport> {
  const scope = { ...(resolved.unitIds ? { unitIds: resolved.unitIds } : {}), ...(itemId ? { itemIds: [itemId] } : {}) };
  const rows = await completionCounts(tx, m, scope, resolved.rows, today);
  const total = rows.find((r) => r.kind === 'total')!;
  return {
    unit: resolved.unit,
    totals: { ...countsOf(total), people: total.people },
    items: rows
      .filter((r) => r.kind === 'item')
      .map((r) => ({ itemId: r.id!, title: pick(r.titles, chain) ?? '—', kind: r.item_kind ?? 'course', ...countsOf(r) }))
      .sort((a, b) => b.overdue - a.overdue || a.title.localeCompare(b.title)),
    units: rows
      .filter((r) => r.kind === 'unit')
      .map((r) => ({ unitId: r.id!, name: r.name ?? '', hasChildren: !!r.has_children, people: r.people, ...countsOf(r) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export async function getCompletion(ctx: RequestContext, m: string, q: z.infer<typeof completionQuery>): Promise<CompletionReport> {
  const { p, scope } = authorize(ctx, m);
  return withTenant(ctx.db, m, async (tx) => completionReportIn(tx, m, await resolveScope(tx, m, scope, q.unitId), q.itemId, chainFor(p, q.lang), todayInLearningZone()));
}

export async function trendIn(tx: TenantTx, m: string, resolved: ResolvedScope, months: number, today: string): Promise<TrendReport> {
  return { timeZone: LEARNING_TIME_ZONE, months: await completionTrend(tx, m, resolved.unitIds, today, months) };
}

export async function getTrend(ctx: RequestContext, m: string, q: z.infer<typeof trendQuery>): Promise<TrendReport> {
  const { scope } = authorize(ctx, m);
  return withTenant(ctx.db, m, async (tx) => trendIn(tx, m, await resolveScope(tx, m, scope, q.unitId), q.months, todayInLearningZone()));
}

export const presentPerson = (r: PersonCountsRow) => ({
  personId: r.person_id,
  name: `${r.given_name} ${r.family_name}`,
  employeeNumber: r.employee_number,
  profession: r.profession,
  unitName: r.unit_name,
  assigned: r.assigned,
  completed: r.completed,
  overdue: r.overdue,
});

export async function getPeople(ctx: RequestContext, m: string, q: z.infer<typeof peopleQuery>): Promise<PeopleReport> {
  const { scope } = authorize(ctx, m);
  return withTenant(ctx.db, m, async (tx) => {
    const resolved = await resolveScope(tx, m, scope, q.unitId);
    const found = await peopleWithCounts(tx, m, { unitIds: resolved.unitIds, status: q.status, q: q.q ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }, todayInLearningZone());
    return { items: found.people.map(presentPerson), total: found.total, page: q.page, pageSize: q.pageSize };
  });
}

export async function getPerson(ctx: RequestContext, m: string, personId: string, lang: Language | undefined): Promise<PersonReport> {
  const { p, scope } = authorize(ctx, m);
  const chain = chainFor(p, lang);
  return withTenant(ctx.db, m, async (tx) => {
    const person = await personRepo.findPerson(tx, m, personId);
    if (!person) throw AppError.notFound('Person');
    const units = await personRepo.unitsOfPerson(tx, m, personId);
    if (scope.kind === 'units') {
      const allowed = new Set(await unitSubtreeIds(tx, m, scope.rootUnitIds));
      if (!units.some((u) => allowed.has(u.id))) throw AppError.notFound('Person');
    }
    const assignments = await assignmentStatuses(tx, m, { personIds: [personId] }, todayInLearningZone());
    const assignedItems = [...new Set(assignments.map((a) => a.itemId))];
    const items = new Map((await personRepo.itemsByIds(tx, m, assignedItems)).map((i) => [i.id, i]));
    const scores = new Map((await personRepo.scoresOf(tx, m, personId)).map((s) => [s.item_id, s.score_scaled]));
    const others = await personRepo.otherCompletions(tx, m, personId, assignedItems);
    return {
      person: { id: person.id, name: `${person.given_name} ${person.family_name}`, employeeNumber: person.employee_number, profession: person.profession, active: person.active, units: units.map((u) => ({ id: u.id, name: u.name })) },
      assignments: assignments
        .map((a) => ({
          assignmentId: a.assignmentId,
          itemId: a.itemId,
          title: pick(items.get(a.itemId)?.titles, chain) ?? '—',
          kind: items.get(a.itemId)?.kind ?? 'course',
          status: a.status,
          overdue: a.overdue,
          dueDate: a.dueDate,
          lastCompletedAt: a.lastCompletedAt?.toISOString() ?? null,
          validUntil: a.validUntil,
          scoreScaled: scores.get(a.itemId) ?? null,
        }))
        .sort((x, y) => Number(y.overdue) - Number(x.overdue) || (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999') || x.title.localeCompare(y.title)),
      otherCompletions: others.map((c) => ({
        itemId: c.item_id,
        title: pick(c.titles, chain) ?? '—',
        kind: c.kind ?? 'course',
        outcome: c.outcome,
        completedAt: c.completed_at.toISOString(),
        scoreScaled: c.score_scaled,
        source: c.source,
      })),
    };
  });
}

/** Everything the XLSX holds, from the same functions as the screens. */
export async function getExportData(ctx: RequestContext, m: string, q: { unitId?: string; months: number; lang?: Language }) {
  const { p, scope } = authorize(ctx, m);
  const language = chainFor(p, q.lang)[0]!;
  const today = todayInLearningZone();
  return withTenant(ctx.db, m, async (tx) => {
    const resolved = await resolveScope(tx, m, scope, q.unitId);
    const completion = await completionReportIn(tx, m, resolved, undefined, chainFor(p, q.lang), today);
    const trend = await trendIn(tx, m, resolved, q.months, today);
    const people = (await peopleWithCounts(tx, m, { unitIds: resolved.unitIds, status: 'all', q: null, limit: null, offset: 0 }, today)).people.map(presentPerson);
    return { language, today, completion, trend, people };
  });
}
