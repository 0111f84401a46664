import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { withSystem, type SystemTx } from '../../db/tenant.js';
import { LEADER_SURVEY_ITEMS } from '../mapping/question-bank/leader-survey-items.js';
import { SCALES } from '../mapping/question-bank/scales.js';
import { partitionRespondents, type CellInput } from './partition.js';

// Computes the frozen results of a closed campaign, once. System work (it also
// writes the global benchmark pool), so every statement names the municipality
// explicitly. See ../results/README.md for what the snapshot holds and why it
// is frozen at closing.

const CHUNK = 1000;

/** True when it computed the results now; false when the campaign is not closed, not published, or already done. */
export async function computeCampaignResults(db: Kysely<DB>, municipalityId: string, campaignId: string, now = new Date()): Promise<boolean> {
  return withSystem(db, async (tx) => {
    const campaign = await tx
      .selectFrom('campaigns')
      .select(['id', 'framework_version_id', 'competence_codes', 'instruments', 'published_at', 'closes_at', 'closed_at'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', campaignId)
      .forUpdate()
      .executeTakeFirst();
    if (!campaign?.published_at) return false;
    const closedAt = campaign.closed_at ?? (campaign.closes_at <= now ? campaign.closes_at : null);
    if (!closedAt) return false;
    const done = await tx.selectFrom('campaign_results').select('campaign_id').where('municipality_id', '=', municipalityId).where('campaign_id', '=', campaignId).executeTakeFirst();
    if (done) return false;

    const municipality = await tx.selectFrom('municipalities').select(['anonymity_threshold']).where('id', '=', municipalityId).executeTakeFirstOrThrow();
    const k = municipality.anonymity_threshold;
    const version = await tx.selectFrom('framework_versions').select(['framework_id']).where('id', '=', campaign.framework_version_id).executeTakeFirstOrThrow();
    const levelCount = (await tx.selectFrom('framework_levels').select('level').where('version_id', '=', campaign.framework_version_id).execute()).length;

    const units = await tx.selectFrom('units').select(['id', 'parent_id', 'name']).where('municipality_id', '=', municipalityId).orderBy('name').orderBy('id').execute();
    const cells = await cellCounts(tx, municipalityId, campaignId);
    const atoms = partitionRespondents(
      units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })),
      cells,
      k,
    );
    const respondents = cells.reduce((n, c) => n + c.respondents, 0);
    const survey = campaign.instruments.includes('leader_survey') ? await surveyCounts(tx, municipalityId, campaignId) : { respondents: 0, counts: new Map<string, Map<string, number>>(), answered: new Map<string, number>() };

    await tx.insertInto('campaign_results').values({ municipality_id: municipalityId, campaign_id: campaignId, threshold: k, respondents, survey_respondents: survey.respondents }).execute();
    await insertChunked(
      tx,
      'campaign_result_units',
      units.map((u, position) => ({ municipality_id: municipalityId, campaign_id: campaignId, unit_id: u.id, parent_id: u.parent_id, name: u.name, position })),
    );

    const wholeCampaign = new Map<string, { levels: number[]; dontKnow: number; wantsTraining: number }>();
    if (atoms) {
      await insertChunked(
        tx,
        'campaign_result_atoms',
        atoms.map((a) => ({
          municipality_id: municipalityId,
          campaign_id: campaignId,
          atom_no: a.atomNo,
          anchor_unit_id: a.anchorUnitId,
          profession: a.profession,
          respondents: a.respondents,
          includes_other: a.includesOther,
          merged_unit_ids: a.mergedUnitIds,
        })),
      );
      const atomOf = new Map<number, number>();
      for (const a of atoms) for (const i of a.cells) atomOf.set(i, a.atomNo);
      await insertChunked(
        tx,
        'campaign_result_cells',
        cells.map((c, i) => ({ municipality_id: municipalityId, campaign_id: campaignId, cell_no: i, unit_id: c.unitId, profession: c.profession, atom_no: atomOf.get(i)!, respondents: c.respondents })),
      );
      const stats = await answerStats(tx, municipalityId, campaignId, cells, levelCount);
      const wanted = campaign.competence_codes ? new Set(campaign.competence_codes) : null;
      const rows = [...stats].filter(([key]) => !wanted || wanted.has(key.split('|')[1]!));
      await insertChunked(
        tx,
        'campaign_result_stats',
        rows.map(([key, s]) => {
          const [cellNo, code] = key.split('|') as [string, string];
          const whole = wholeCampaign.get(code) ?? { levels: new Array(levelCount).fill(0), dontKnow: 0, wantsTraining: 0 };
          s.levels.forEach((n, i) => (whole.levels[i] += n));
          whole.dontKnow += s.dontKnow;
          whole.wantsTraining += s.wantsTraining;
          wholeCampaign.set(code, whole);
          return { municipality_id: municipalityId, campaign_id: campaignId, cell_no: Number(cellNo), competence_code: code, level_counts: s.levels, dont_know: s.dontKnow, wants_training: s.wantsTraining };
        }),
      );
    }

    const surveyRows = [...survey.counts].flatMap(([item, options]) => [...options].map(([option, count]) => ({ municipality_id: municipalityId, campaign_id: campaignId, item_code: item, option_code: option, count })));
    await insertChunked(tx, 'campaign_result_survey', surveyRows);

    // The benchmark pool: whole-campaign figures only, and only from groups of k.
    const contributions = [];
    if (atoms && respondents >= k) {
      for (const [code, whole] of wholeCampaign) {
        const answered = whole.levels.reduce((a, b) => a + b, 0);
        contributions.push({ kind: 'competence', code, respondents, answered, counts: whole.levels });
      }
    }
    if (survey.respondents >= k) {
      for (const item of LEADER_SURVEY_ITEMS) {
        const options = item.scale === 'multi_select' ? (item.options ?? []) : SCALES[item.scale].options;
        const got = survey.counts.get(item.code) ?? new Map<string, number>();
        const counts = options.map((o) => got.get(o.code) ?? 0);
        contributions.push({ kind: 'survey_item', code: item.code, respondents: survey.respondents, answered: survey.answered.get(item.code) ?? 0, counts });
      }
    }
    await insertChunked(
      tx,
      'benchmark_contributions',
      contributions.map((c) => ({ municipality_id: municipalityId, campaign_id: campaignId, framework_id: version.framework_id, closed_at: closedAt, ...c })),
    );
    return true;
  });
}

/** Invited and responding people per (unit, profession) for the self-assessment. */
async function cellCounts(tx: SystemTx, municipalityId: string, campaignId: string): Promise<CellInput[]> {
  const rows = await sql<{ unit_id: string | null; profession: string; invited: number; respondents: number }>`
    with invited as (
      select i.unit_id, p.profession, count(*)::int as n
      from campaign_invitations i
      join persons p on p.municipality_id = i.municipality_id and p.id = i.person_id
      where i.municipality_id = ${municipalityId} and i.campaign_id = ${campaignId} and i.instrument = 'self_assessment'
      group by 1, 2),
    answered as (
      select unit_id, profession, count(*)::int as n from (
        select unit_id, profession from identified_responses where municipality_id = ${municipalityId} and campaign_id = ${campaignId}
        union all
        select unit_id, profession from anonymous_responses where municipality_id = ${municipalityId} and campaign_id = ${campaignId} and instrument = 'self_assessment'
      ) r group by 1, 2)
    select coalesce(i.unit_id, a.unit_id) as unit_id, coalesce(i.profession, a.profession) as profession,
           coalesce(i.n, 0) as invited, coalesce(a.n, 0) as respondents
    from invited i full join answered a on a.unit_id is not distinct from i.unit_id and a.profession = i.profession
    order by 1 nulls last, 2`.execute(tx);
  return rows.rows.map((r) => ({ unitId: r.unit_id, profession: r.profession, invited: r.invited, respondents: r.respondents }));
}

type CellStat = { levels: number[]; dontKnow: number; wantsTraining: number };

/** Level counts per cell and competence, keyed "<cell index>|<competence code>". */
async function answerStats(tx: SystemTx, municipalityId: string, campaignId: string, cells: CellInput[], levelCount: number): Promise<Map<string, CellStat>> {
  const cellIndex = new Map(cells.map((c, i) => [`${c.unitId ?? ''}|${c.profession}`, i]));
  const rows = await sql<{ unit_id: string | null; profession: string; code: string; level: number | null; n: number; wants: number }>`
    select unit_id, profession, code, level, count(*)::int as n, count(*) filter (where wants)::int as wants from (
      select r.unit_id, r.profession, a.competence_code as code, a.level, a.wants_training as wants
      from identified_answers a
      join identified_responses r on r.municipality_id = a.municipality_id and r.campaign_id = a.campaign_id and r.person_id = a.person_id
      where a.municipality_id = ${municipalityId} and a.campaign_id = ${campaignId}
      union all
      select r.unit_id, r.profession, e.key, (e.value->>'level')::int, coalesce((e.value->>'wantsTraining')::boolean, false)
      from anonymous_responses r cross join lateral jsonb_each(r.answers) e
      where r.municipality_id = ${municipalityId} and r.campaign_id = ${campaignId} and r.instrument = 'self_assessment'
    ) x group by 1, 2, 3, 4`.execute(tx);
  const stats = new Map<string, CellStat>();
  for (const r of rows.rows) {
    const cell = cellIndex.get(`${r.unit_id ?? ''}|${r.profession}`);
    if (cell === undefined) continue;
    const key = `${cell}|${r.code}`;
    const s = stats.get(key) ?? { levels: new Array(levelCount).fill(0), dontKnow: 0, wantsTraining: 0 };
    if (r.level === null) s.dontKnow += r.n;
    else if (r.level >= 1 && r.level <= levelCount) s.levels[r.level - 1] += r.n;
    s.wantsTraining += r.wants;
    stats.set(key, s);
  }
  return stats;
}

/** Option counts per leader-survey item, identified (submitted invitations) and anonymous. */
async function surveyCounts(tx: SystemTx, municipalityId: string, campaignId: string) {
  const respondentsRow = await tx
    .selectFrom('campaign_invitations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId)
    .where('instrument', '=', 'leader_survey')
    .where('submitted', '=', true)
    .executeTakeFirstOrThrow();
  const rows = await sql<{ item: string; option: string; n: number; answered: number }>`
    select item, option, count(*)::int as n from (
      select a.item_code as item, unnest(a.option_codes) as option
      from leader_survey_answers a
      join campaign_invitations i on i.municipality_id = a.municipality_id and i.id = a.invitation_id
      join campaigns c on c.municipality_id = i.municipality_id and c.id = i.campaign_id
      where a.municipality_id = ${municipalityId} and i.campaign_id = ${campaignId} and i.submitted and c.mode = 'identified'
      union all
      select e.key, jsonb_array_elements_text(e.value)
      from anonymous_responses r cross join lateral jsonb_each(r.answers) e
      where r.municipality_id = ${municipalityId} and r.campaign_id = ${campaignId} and r.instrument = 'leader_survey' and jsonb_typeof(e.value) = 'array'
    ) x group by 1, 2`.execute(tx);
  const answeredRows = await sql<{ item: string; n: number }>`
    select item, count(*)::int as n from (
      select a.item_code as item
      from leader_survey_answers a
      join campaign_invitations i on i.municipality_id = a.municipality_id and i.id = a.invitation_id
      join campaigns c on c.municipality_id = i.municipality_id and c.id = i.campaign_id
      where a.municipality_id = ${municipalityId} and i.campaign_id = ${campaignId} and i.submitted and c.mode = 'identified' and cardinality(a.option_codes) > 0
      union all
      select e.key
      from anonymous_responses r cross join lateral jsonb_each(r.answers) e
      where r.municipality_id = ${municipalityId} and r.campaign_id = ${campaignId} and r.instrument = 'leader_survey' and jsonb_typeof(e.value) = 'array' and jsonb_array_length(e.value) > 0
    ) x group by 1`.execute(tx);
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows.rows) {
    const m = counts.get(r.item) ?? new Map<string, number>();
    m.set(r.option, r.n);
    counts.set(r.item, m);
  }
  return { respondents: respondentsRow.n, counts, answered: new Map(answeredRows.rows.map((r) => [r.item, r.n])) };
}

async function insertChunked<T extends keyof DB>(tx: SystemTx, table: T, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/** Published campaigns past their close whose results are not computed yet (all, for the sweep, or one municipality's). */
export async function campaignsAwaitingResults(db: Kysely<DB>, o: { municipalityId?: string; now?: Date } = {}) {
  let q = db
    .selectFrom('campaigns as c')
    .leftJoin('campaign_results as r', (j) => j.onRef('r.municipality_id', '=', 'c.municipality_id').onRef('r.campaign_id', '=', 'c.id'))
    .select(['c.municipality_id', 'c.id'])
    .where('c.published_at', 'is not', null)
    .where((eb) => eb.or([eb('c.closed_at', 'is not', null), eb('c.closes_at', '<=', o.now ?? new Date())]))
    .where('r.campaign_id', 'is', null);
  if (o.municipalityId) q = q.where('c.municipality_id', '=', o.municipalityId);
  return q.execute();
}
