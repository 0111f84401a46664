// The loop from gaps to learning: catalogue items tagged with a competence (and
// the level they develop). The catalogue arrives with the learning issue; until
// then every gap is shown with "no learning mapped yet" (an empty list).

export type LearningItemRef = { id: string; title: string; level: number | null };

export type LearningCatalogue = (municipalityId: string, competenceCodes: readonly string[]) => Promise<Map<string, LearningItemRef[]>>;

/** No catalogue yet: nothing is mapped to any competence. */
export const emptyCatalogue: LearningCatalogue = async () => new Map();
