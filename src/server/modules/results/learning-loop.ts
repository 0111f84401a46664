import type { Language } from '../../../shared/domain.js';
import type { TenantTx } from '../../db/tenant.js';

// The loop from gaps to learning: catalogue items tagged with a competence (and
// the level they develop). The learning catalogue implements this
// (modules/learning/catalogue/catalogue-loop.ts); it runs in the caller's
// tenant transaction, so results and profiles read it in the same snapshot.

export type LearningItemRef = { id: string; title: string; level: number | null };

/** A competence someone needs learning for, and the level the role requires (null: unknown or several). */
export type CompetenceNeed = { code: string; requiredLevel: number | null };

export type LearningNeeds = {
  /** The framework version the codes belong to; items tagged in any version of the same framework match. */
  frameworkVersionId: string;
  needs: readonly CompetenceNeed[];
  /** Titles in the first of these languages the item has. */
  languages: readonly Language[];
};

export type LearningCatalogue = (tx: TenantTx, municipalityId: string, wanted: LearningNeeds) => Promise<Map<string, LearningItemRef[]>>;

/** No catalogue: nothing is mapped to any competence. */
export const emptyCatalogue: LearningCatalogue = async () => new Map();
