import { sql } from 'kysely';
import type { RecommendationReason } from '../../../../shared/api/assignments.js';
import type { TenantTx } from '../../../db/tenant.js';
import { loadRequirementLookup } from '../../role-profiles/requirements.js';
import { pickText } from './assignments.repository.js';

// From mapping to learning: what the person's latest submitted identified
// self-assessment says they lack (below what their role profile asks, or
// "I want training"), matched to published items tagged with those
// competences. A handful of indexed queries for one person, no loops over items.

export const MAX_RECOMMENDED = 10;

export type Recommendation = { itemId: string; reasons: RecommendationReason[] };

type Gap = { code: string; selfLevel: number | null; requiredLevel: number | null; wantsTraining: boolean };

/** The competences the person's latest identified self-assessment shows a need for. */
async function gapsOf(tx: TenantTx, municipalityId: string, personId: string): Promise<{ versionId: string; gaps: Gap[] } | null> {
  const latest = await tx
    .selectFrom('identified_responses as r')
    .innerJoin('campaigns as c', (j) => j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.campaign_id'))
    .select(['r.campaign_id', 'c.framework_version_id'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.person_id', '=', personId)
    .where('c.mode', '=', 'identified')
    .orderBy('r.submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return null;
  const [answers, person, lookup] = await Promise.all([
    tx
      .selectFrom('identified_answers')
      .select(['competence_code', 'level', 'wants_training'])
      .where('municipality_id', '=', municipalityId)
      .where('campaign_id', '=', latest.campaign_id)
      .where('person_id', '=', personId)
      .execute(),
    tx
      .selectFrom('persons as p')
      .leftJoin('person_units as pu', (j) => j.onRef('pu.municipality_id', '=', 'p.municipality_id').onRef('pu.person_id', '=', 'p.id').on('pu.is_primary', '=', true))
      .select(['p.profession', 'pu.unit_id'])
      .where('p.municipality_id', '=', municipalityId)
      .where('p.id', '=', personId)
      .executeTakeFirstOrThrow(),
    loadRequirementLookup(tx, municipalityId, latest.framework_version_id),
  ]);
  // The role as it is now: recommendations are about the job the person does today.
  const required = lookup(person.unit_id, person.profession);
  const gaps = answers
    .map((a) => ({ code: a.competence_code, selfLevel: a.level, requiredLevel: required.get(a.competence_code) ?? null, wantsTraining: a.wants_training }))
    .filter((g) => g.wantsTraining || (g.selfLevel !== null && g.requiredLevel !== null && g.selfLevel < g.requiredLevel));
  return { versionId: latest.framework_version_id, gaps };
}

/**
 * Up to MAX_RECOMMENDED published items for the person's gaps, leaving out
 * `exclude` (items already assigned or completed). Items whose tagged level
 * reaches the required level come first, then untagged levels, then lower ones;
 * then items that cover more gaps.
 */
export async function recommendFor(tx: TenantTx, municipalityId: string, personId: string, exclude: string[], language: string): Promise<Recommendation[]> {
  const found = await gapsOf(tx, municipalityId, personId);
  if (!found || found.gaps.length === 0) return [];
  const byCode = new Map(found.gaps.map((g) => [g.code, g]));
  const codes = [...byCode.keys()];
  const [tags, names] = await Promise.all([
    tx
      .selectFrom('learning_item_competences as t')
      .innerJoin('learning_items as i', (j) => j.onRef('i.municipality_id', '=', 't.municipality_id').onRef('i.id', '=', 't.item_id'))
      .select(['t.item_id', 't.competence_code', 't.level', 'i.titles', 'i.languages'])
      .where('t.municipality_id', '=', municipalityId)
      .where(sql<boolean>`t.competence_code = any(${codes}::text[])`)
      .where('i.status', '=', 'published')
      .where(sql<boolean>`not (t.item_id = any(${exclude}::uuid[]))`)
      .execute(),
    tx.selectFrom('framework_competences').select(['code', 'name']).where('version_id', '=', found.versionId).where(sql<boolean>`code = any(${codes}::text[])`).execute(),
  ]);
  const nameOf = new Map(names.map((n) => [n.code, pickText(n.name as Record<string, string>, language, ['en', 'nb'])]));

  type Candidate = { itemId: string; title: string; fit: number; reasons: RecommendationReason[] };
  const candidates = new Map<string, Candidate>();
  for (const tag of tags) {
    const gap = byCode.get(tag.competence_code)!;
    // 2: brings the learner to the required level; 1: level not stated; 0: below it.
    const fit = tag.level === null ? 1 : gap.requiredLevel === null || tag.level >= gap.requiredLevel ? 2 : 0;
    let c = candidates.get(tag.item_id);
    if (!c) candidates.set(tag.item_id, (c = { itemId: tag.item_id, title: pickText(tag.titles, language, tag.languages), fit, reasons: [] }));
    c.fit = Math.max(c.fit, fit);
    c.reasons.push({ competenceCode: gap.code, competenceName: nameOf.get(gap.code) ?? gap.code, selfLevel: gap.selfLevel, requiredLevel: gap.requiredLevel, wantsTraining: gap.wantsTraining });
  }
  return [...candidates.values()]
    .sort((x, y) => y.fit - x.fit || y.reasons.length - x.reasons.length || x.title.localeCompare(y.title, language))
    .slice(0, MAX_RECOMMENDED)
    .map((c) => ({ itemId: c.itemId, reasons: c.reasons.sort((x, y) => x.competenceCode.localeCompare(y.competenceCode)) }));
}
