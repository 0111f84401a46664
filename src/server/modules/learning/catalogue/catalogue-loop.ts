import type { TenantTx } from '../../../db/tenant.js';
import { pick } from '../../frameworks/localize.js';
import type { LearningCatalogue, LearningItemRef } from '../../results/learning-loop.js';

// Where gaps from mapping meet the catalogue: for each competence someone
// needs, the published items tagged with it. Tags count in any version of the
// campaign's framework (codes keep their meaning across versions of one
// framework, and a new version should not empty the suggestions). Items that
// bring a learner at least to the required level come first, the nearest
// level first; then items for any level; then those that stop below it.

/** Suggestions per competence: enough to choose from, few enough to read. */
export const SUGGESTIONS_PER_COMPETENCE = 5;

type Candidate = LearningItemRef & { code: string };

function rank(level: number | null, required: number | null): [number, number] {
  if (level === null) return [1, 0];
  if (required === null || level >= required) return [0, level];
  return [2, -level];
}

async function taggedItems(tx: TenantTx, municipalityId: string, frameworkVersionId: string, codes: string[]) {
  return tx
    .selectFrom('learning_item_competences as c')
    .innerJoin('learning_items as i', (j) => j.onRef('i.municipality_id', '=', 'c.municipality_id').onRef('i.id', '=', 'c.item_id'))
    .innerJoin('framework_versions as v', 'v.id', 'i.framework_version_id')
    .innerJoin('framework_versions as wanted', 'wanted.framework_id', 'v.framework_id')
    .select(['c.competence_code', 'c.level', 'i.id', 'i.titles'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.competence_code', 'in', codes)
    .where('i.status', '=', 'published')
    .where('wanted.id', '=', frameworkVersionId)
    .execute();
}

export const learningCatalogue: LearningCatalogue = async (tx, municipalityId, wanted) => {
  const codes = [...new Set(wanted.needs.map((n) => n.code))];
  const result = new Map<string, LearningItemRef[]>();
  if (codes.length === 0) return result;
  const required = new Map(wanted.needs.map((n) => [n.code, n.requiredLevel]));
  const byCode = new Map<string, Candidate[]>();
  for (const row of await taggedItems(tx, municipalityId, wanted.frameworkVersionId, codes)) {
    const list = byCode.get(row.competence_code) ?? [];
    list.push({ code: row.competence_code, id: row.id, level: row.level, title: pick(row.titles, wanted.languages) ?? '' });
    byCode.set(row.competence_code, list);
  }
  for (const [code, list] of byCode) {
    const need = required.get(code) ?? null;
    const sorted = list.sort((a, b) => {
      const [ra, rb] = [rank(a.level, need), rank(b.level, need)];
      return ra[0] - rb[0] || ra[1] - rb[1] || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
    });
    result.set(
      code,
      sorted.slice(0, SUGGESTIONS_PER_COMPETENCE).map(({ id, title, level }) => ({ id, title, level })),
    );
  }
  return result;
};
