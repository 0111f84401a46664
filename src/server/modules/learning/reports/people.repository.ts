import { sql } from 'kysely';
import type { PeopleStatusFilter } from '../../../../shared/api/learning-reports.js';
import type { TenantTx } from '../../../db/tenant.js';
import { LEARNING_TIME_ZONE } from '../assignments/assignment-status.js';
import { ensureAssignmentTargets } from '../assignments/assignment-targets.js';
import { personItemSql } from './completion.repository.js';

// People in a report's scope with their assignment counts, one page at a
// time (one statement: the status rows folded per person, joined to the
// people of the scope), and the monthly trend of completions.

export type PersonCountsRow = {
  person_id: string;
  given_name: string;
  family_name: string;
  employee_number: string;
  profession: string;
  unit_name: string | null;
  assigned: number;
  completed: number;
  overdue: number;
};

export type PeopleFilter = { unitIds: string[] | null; status: PeopleStatusFilter; q: string | null; limit: number | null; offset: number };

// On the joined counts, which are null for a person with no assignment.
const statusFilter: Record<PeopleStatusFilter, string> = {
  all: 'true',
  overdue: 'coalesce(c.overdue, 0) > 0',
  incomplete: 'coalesce(c.completed, 0) < coalesce(c.assigned, 0)',
  complete: 'coalesce(c.assigned, 0) > 0 and c.completed = c.assigned',
};

/** Active people of the scope (everyone, or those working in the given units), most overdue first. */
export async function peopleWithCounts(tx: TenantTx, municipalityId: string, f: PeopleFilter, today: string): Promise<{ total: number; people: PersonCountsRow[] }> {
  await ensureAssignmentTargets(tx, municipalityId);
  const m = municipalityId;
  const units = f.unitIds;
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%` : null;
  const { rows } = await sql<{ total: number; people: PersonCountsRow[] }>`
    with pi as (${personItemSql(m, units ? { unitIds: units } : {}, today)}),
    c as (
      select person_id, count(*)::int as assigned,
             count(*) filter (where completed)::int as completed,
             count(*) filter (where not completed and overdue)::int as overdue
        from pi group by person_id
    ),
    chosen as (
      select p.id as person_id, p.given_name, p.family_name, p.employee_number, p.profession,
             coalesce(c.assigned, 0) as assigned, coalesce(c.completed, 0) as completed, coalesce(c.overdue, 0) as overdue
        from persons p
        left join c on c.person_id = p.id
       where p.municipality_id = ${m} and p.active
         and (${units}::uuid[] is null or exists (
               select 1 from person_units pu where pu.municipality_id = ${m} and pu.person_id = p.id and pu.unit_id = any(${units}::uuid[])))
         and (${like}::text is null or (p.given_name || ' ' || p.family_name) ilike ${like} or p.employee_number ilike ${like})
         and ${sql.raw(statusFilter[f.status])}
    ),
    page as (
      select x.*,
             (select u.name from person_units pu join units u on u.municipality_id = pu.municipality_id and u.id = pu.unit_id
               where pu.municipality_id = ${m} and pu.person_id = x.person_id order by pu.is_primary desc, u.name limit 1) as unit_name
        from chosen x
       order by x.overdue desc, x.assigned - x.completed desc, x.family_name, x.given_name, x.person_id
       limit ${f.limit ?? null} offset ${f.offset}
    )
    select (select count(*) from chosen)::int as total,
           coalesce((select json_agg(page order by page.overdue desc, page.assigned - page.completed desc, page.family_name, page.given_name, page.person_id) from page), '[]') as people`.execute(tx);
  const [{ total, people }] = rows as [{ total: number; people: PersonCountsRow[] | string }];
  return { total, people: typeof people === 'string' ? (JSON.parse(people) as PersonCountsRow[]) : people };
}

export type TrendRow = { month: string; completions: number; learners: number };

/**
 * Completions per calendar month (in the learning time zone) for the last
 * `months` months up to the one `today` falls in, with zero months; people
 * limited to those working in the given units (null: the whole municipality).
 */
export async function completionTrend(tx: TenantTx, municipalityId: string, unitIds: string[] | null, today: string, months: number): Promise<TrendRow[]> {
  const m = municipalityId;
  const tz = sql.raw(`'${LEARNING_TIME_ZONE}'`);
  const { rows } = await sql<TrendRow>`
    with months as (
      select (date_trunc('month', ${today}::date) - make_interval(months => g))::date as month
        from generate_series(0, ${months}::int - 1) g
    ),
    done as (
      select c.person_id, date_trunc('month', c.completed_at at time zone ${tz})::date as month
        from learning_completions c
       where c.municipality_id = ${m}
         and c.completed_at >= ((select min(month) from months)::timestamp at time zone ${tz})
         and c.completed_at < (((date_trunc('month', ${today}::date) + interval '1 month')::timestamp) at time zone ${tz})
         and (${unitIds}::uuid[] is null or exists (
               select 1 from person_units pu where pu.municipality_id = ${m} and pu.person_id = c.person_id and pu.unit_id = any(${unitIds}::uuid[])))
    )
    select to_char(mo.month, 'YYYY-MM') as month, count(d.person_id)::int as completions, count(distinct d.person_id)::int as learners
      from months mo left join done d on d.month = mo.month
     group by mo.month
     order by mo.month`.execute(tx);
  return rows;
}
