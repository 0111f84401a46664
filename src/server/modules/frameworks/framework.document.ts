import { z } from 'zod';
import { LANGUAGES } from '../../../shared/domain.js';

// The one in-memory shape of a competence framework version. Every importer
// (DigComp 3.0 JSON/XLSX, DigComp 2.2, CSV) and the built-in starter framework
// produce it; the repository stores it as a new, immutable framework version.

/** Text in several languages; at least one must be present. Missing languages fall back (en → nb → any). */
export const localizedText = z
  .partialRecord(z.enum(LANGUAGES), z.string().trim().min(1))
  .refine((t) => Object.keys(t).length > 0, 'needs text in at least one language');
export type LocalizedText = z.infer<typeof localizedText>;

export const frameworkLevel = z.object({
  /** 1-based ordinal on the framework's scale. */
  level: z.number().int().min(1).max(20),
  name: localizedText,
  description: localizedText.optional(),
});

export const frameworkCompetence = z.object({
  /** Stable code within the framework, e.g. DigComp "1.1" or "HC.WT.1". Answers refer to it. */
  code: z.string().trim().min(1).max(40),
  areaCode: z.string().trim().min(1).max(40),
  name: localizedText,
  description: localizedText.optional(),
  /** DigComp competence id this one corresponds to, when it does (e.g. "4.2"). */
  digcompRef: z.string().trim().max(10).nullable().optional(),
  /** Optional per-level descriptions of what a person at that level can do, shown in self-assessment. */
  levelDescriptions: z.array(z.object({ level: z.number().int().min(1), text: localizedText })).optional(),
});

export const frameworkArea = z.object({
  code: z.string().trim().min(1).max(40),
  name: localizedText,
  description: localizedText.optional(),
});

export const frameworkStatement = z.object({
  code: z.string().trim().min(1).max(40),
  competenceCode: z.string().trim().min(1).max(40),
  /** The level this statement belongs to (on the framework's scale). */
  level: z.number().int().min(1).max(20),
  text: localizedText,
});

export const frameworkDocument = z.object({
  /** Identifies the framework across versions, e.g. "digcomp", "mestring-starter". */
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/),
  name: localizedText,
  version: z.string().trim().min(1).max(40),
  description: localizedText.optional(),
  source: z.string().max(2000).nullable(),
  licence: z.string().max(2000).nullable(),
  levels: z.array(frameworkLevel).min(2),
  areas: z.array(frameworkArea).min(1),
  competences: z.array(frameworkCompetence).min(1),
  statements: z.array(frameworkStatement).default([]),
});
export type FrameworkDocument = z.infer<typeof frameworkDocument>;

/** Structural checks beyond the schema: references resolve and codes are unique. */
export function frameworkProblems(doc: FrameworkDocument): string[] {
  const problems: string[] = [];
  const dup = (list: string[], what: string) => {
    const seen = new Set<string>();
    for (const c of list) {
      if (seen.has(c)) problems.push(`duplicate ${what} "${c}"`);
      seen.add(c);
    }
  };
  dup(doc.areas.map((a) => a.code), 'area code');
  dup(doc.competences.map((c) => c.code), 'competence code');
  dup(doc.statements.map((s) => s.code), 'statement code');
  dup(doc.levels.map((l) => String(l.level)), 'level');
  const areas = new Set(doc.areas.map((a) => a.code));
  const competences = new Set(doc.competences.map((c) => c.code));
  const levels = new Set(doc.levels.map((l) => l.level));
  for (const c of doc.competences) if (!areas.has(c.areaCode)) problems.push(`competence ${c.code} refers to unknown area ${c.areaCode}`);
  for (const s of doc.statements) {
    if (!competences.has(s.competenceCode)) problems.push(`statement ${s.code} refers to unknown competence ${s.competenceCode}`);
    if (!levels.has(s.level)) problems.push(`statement ${s.code} has level ${s.level}, which is not on the scale`);
  }
  return problems;
}
