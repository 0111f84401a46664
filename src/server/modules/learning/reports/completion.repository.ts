import { sql } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';
import { assignmentStatusSql, ensureAssignmentTargets, type AssignmentScope } from '../assignments/assignment-status.js';

// Completion per item, per unit and in total, in ONE statement over the
// assignment status rows (assignments/assignment-status.ts): the rows are
// folded to one per (person, item) and counted three ways over the same
// CTE, so the status rules run once per request, whatever the municipality's
// size. No loop per person or item happens in JavaScript.

/** Which units get a row: the children of one unit, the municipality's top units, or given units (a unit leader's). */
export type UnitRows = { parentId: string } | { top: true } | { unitIds: string[] };

export type CountsRow = {
  kind: 'total' | 'item' | 'unit';
  id: string | null;
  name: string | null;
  titles: Record<string, string> | null;
  item_kind: string | null;
  has_children: boolean | null;
  people: number;
  assigned: number;
  completed: number;
  in_progress: number;
  not_started: number;
  overdue: number;
};

/**
 * The (person, item) pairs of the scope with their folded status, as SQL to
 * embed. A status row's flags may be null (no progress, no due date): they
 * are folded to false here, so the counts below never lose a row to null.
 */
export function personItemSql(municipalityId: string, scope: AssignmentScope, today: string) {
  return sql`
    select s.person_id, s.item_id,
           bool_and(s.satisfied) as completed,
           coalesce(bool_or(s.in_progress), false) as in_progress,
           coalesce(bool_or(s.overdue), false) as overdue
      from (${assignmentStatusSql(municipalityId, scope, today)}) s
     group by s.person_id, s.item_id`;
}

const counts = (alias: string) => sql.raw(`
  count(${alias}.person_id)::int as assigned,
  count(*) filter (where ${alias}.completed)::int as completed,
  count(*) filter (where not ${alias}.completed and ${alias}.in_progress)::int as in_progress,
  count(*) filter (where not ${alias}.completed and not ${alias}.in_progress)::int as not_started,
  count(*) filter (where not ${alias}.completed and ${alias}.overdue)::int as overdue`);

export async function completionCounts(tx: TenantTx, municipalityId: string, scope: AssignmentScope, rows: UnitRows, today: string): Promise<CountsRow[]> {
  await ensureAssignmentTargets(tx, municipalityId);
  const m = municipalityId;
  const childFilter =
    'parentId' in rows
      ? sql`u.parent_id = ${rows.parentId}`
      : 'top' in rows
        ? sql`u.parent_id is null`
        : sql`u.id = any(${rows.unitIds}::uuid[])`;
  const { rows: result } = await sql<CountsRow>`
    with recursive
    pi as (${personItemSql(m, scope, today)}),
    children as (select u.id, u.name from units u where u.municipality_id = ${m} and ${childFilter}),
    child_tree(child_id, unit_id) as (
      select id, id from children
      union
      select t.child_id, u.id from child_tree t join units u on u.municipality_id = ${m} and u.parent_id = t.unit_id
    ),
    person_child as (
      select distinct t.child_id, pu.person_id
        from child_tree t join person_units pu on pu.municipality_id = ${m} and pu.unit_id = t.unit_id
    )
    select 'total' as kind, null::uuid as id, null as name, null::jsonb as titles, null as item_kind, null::boolean as has_children,
           count(distinct pi.person_id)::int as people, ${counts('pi')}
      from pi
    union all
    select 'item', pi.item_id, null, li.titles, li.kind, null, count(distinct pi.person_id)::int, ${counts('pi')}
      from pi left join learning_items li on li.municipality_id = ${m} and li.id = pi.item_id
     group by pi.item_id, li.titles, li.kind
    union all
    select 'unit', c.id, c.name, null, null,
           exists (select 1 from units x where x.municipality_id = ${m} and x.parent_id = c.id),
           count(distinct pi.person_id)::int,
           count(pi.person_id)::int,
           count(*) filter (where pi.completed)::int,
           count(*) filter (where not pi.completed and pi.in_progress)::int,
           count(*) filter (where not pi.completed and not pi.in_progress)::int,
           count(*) filter (where not pi.completed and pi.overdue)::int
      from children c
      left join person_child pc on pc.child_id = c.id
      left join pi on pi.person_id = pc.person_id
     group by c.id, c.name`.execute(tx);
  return result;
}
