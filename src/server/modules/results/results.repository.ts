import type { TenantTx } from '../../db/tenant.js';
import type { CellStats, Snapshot } from './compute.js';

/** The frozen results of one campaign, or undefined when not computed. */
export async function loadSnapshot(tx: TenantTx, municipalityId: string, campaignId: string): Promise<(Snapshot & { surveyRespondents: number; survey: Map<string, Map<string, number>> }) | undefined> {
  const head = await tx
    .selectFrom('campaign_results')
    .select(['threshold', 'respondents', 'survey_respondents'])
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst();
  if (!head) return undefined;
  const [units, atoms, cells, stats, survey] = await Promise.all([
    tx.selectFrom('campaign_result_units').select(['unit_id', 'parent_id', 'name']).where('municipality_id', '=', municipalityId).where('campaign_id', '=', campaignId).orderBy('position').execute(),
    tx
      .selectFrom('campaign_result_atoms')
      .select(['atom_no', 'anchor_unit_id', 'profession', 'respondents', 'includes_other', 'merged_unit_ids'])
      .where('municipality_id', '=', municipalityId)
      .where('campaign_id', '=', campaignId)
      .orderBy('atom_no')
      .execute(),
    tx
      .selectFrom('campaign_result_cells')
      .select(['cell_no', 'unit_id', 'profession', 'atom_no', 'respondents'])
      .where('municipality_id', '=', municipalityId)
      .where('campaign_id', '=', campaignId)
      .execute(),
    tx
      .selectFrom('campaign_result_stats')
      .select(['cell_no', 'competence_code', 'level_counts', 'dont_know', 'wants_training'])
      .where('municipality_id', '=', municipalityId)
      .where('campaign_id', '=', campaignId)
      .execute(),
    surveyCounts(tx, municipalityId, campaignId),
  ]);
  const byCell = new Map<number, Map<string, CellStats>>();
  for (const s of stats) {
    let m = byCell.get(s.cell_no);
    if (!m) byCell.set(s.cell_no, (m = new Map()));
    m.set(s.competence_code, { levels: s.level_counts, dontKnow: s.dont_know, wantsTraining: s.wants_training });
  }
  return {
    threshold: head.threshold,
    respondents: head.respondents,
    surveyRespondents: head.survey_respondents,
    survey,
    units: units.map((u) => ({ id: u.unit_id, parentId: u.parent_id, name: u.name })),
    atoms: atoms.map((a) => ({
      atomNo: a.atom_no,
      anchorUnitId: a.anchor_unit_id,
      profession: a.profession,
      respondents: a.respondents,
      includesOther: a.includes_other,
      mergedUnitIds: a.merged_unit_ids,
    })),
    cells: cells.map((c) => ({ cellNo: c.cell_no, unitId: c.unit_id, profession: c.profession, atomNo: c.atom_no, respondents: c.respondents })),
    stats: byCell,
  };
}

export async function surveyCounts(tx: TenantTx, municipalityId: string, campaignId: string): Promise<Map<string, Map<string, number>>> {
  const rows = await tx
    .selectFrom('campaign_result_survey')
    .select(['item_code', 'option_code', 'count'])
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId)
    .execute();
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let m = out.get(r.item_code);
    if (!m) out.set(r.item_code, (m = new Map()));
    m.set(r.option_code, r.count);
  }
  return out;
}

/** Closed campaigns with computed results, newest first. */
export function closedCampaigns(tx: TenantTx, municipalityId: string) {
  return tx
    .selectFrom('campaigns as c')
    .innerJoin('campaign_results as r', (j) => j.onRef('r.municipality_id', '=', 'c.municipality_id').onRef('r.campaign_id', '=', 'c.id'))
    .innerJoin('framework_versions as v', 'v.id', 'c.framework_version_id')
    .select(['c.id', 'c.name', 'c.framework_version_id', 'v.framework_id', 'c.closed_at', 'c.closes_at', 'c.competence_codes'])
    .where('c.municipality_id', '=', municipalityId)
    .orderBy('c.closes_at', 'desc')
    .execute();
}

/** The campaign and the municipality settings a results answer needs, in one query. */
export function campaignForResults(tx: TenantTx, municipalityId: string, campaignId: string) {
  return tx
    .selectFrom('campaigns as c')
    .innerJoin('municipalities as m', 'm.id', 'c.municipality_id')
    .select([
      'c.id',
      'c.name',
      'c.mode',
      'c.framework_version_id',
      'c.competence_codes',
      'c.instruments',
      'c.published_at',
      'c.opens_at',
      'c.closes_at',
      'c.closed_at',
      'm.default_language',
      'm.anonymity_threshold',
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.id', '=', campaignId)
    .executeTakeFirst();
}
