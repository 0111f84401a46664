import type { CompetenceStat, ResultRow } from '../../../shared/api/results';

/** How a group stands against the level its role profiles require. */
export type GapCategory = 'none' | 'meets' | 'near' | 'below';

/** Up to this far below the required level on average counts as "near". */
export const NEAR_GAP = 0.5;

export function gapCategory(stat: Pick<CompetenceStat, 'gap' | 'required' | 'average'> | undefined): GapCategory {
  if (!stat || stat.gap === null || stat.required === null || stat.average === null) return 'none';
  if (stat.gap <= 0) return 'meets';
  if (stat.gap <= NEAR_GAP) return 'near';
  return 'below';
}

/** The row's figures keyed by competence code. */
export function statsByCode(row: ResultRow): Map<string, CompetenceStat> {
  return new Map(row.competences.map((c) => [c.code, c]));
}

/** Share of answers with a requirement that are below it, over all competences of a row (null without requirements). */
export function shareBelow(row: ResultRow): number | null {
  let with_ = 0;
  let below = 0;
  for (const c of row.competences) {
    with_ += c.withRequirement;
    below += c.belowRequired;
  }
  return with_ > 0 ? below / with_ : null;
}
