import { z } from 'zod';
import type { FrameworkDocument } from '../framework.document.js';
import { buildDigComp3, mergeSwedishLabels } from './digcomp3-shared.js';
import { FrameworkImportError, throwIfProblems } from './errors.js';
import { cleanText, finishDocument, isRecord, parseJsonFile, zodProblems } from './shared.js';

// Reads the DigComp 3.0 data supplement reshaped to JSON:
//   { framework: "DigComp", version: "3.0", edition, source: {what, citation,
//     framework_url} | string, licence, areas: [{id, name, descriptor}],
//     competences: [{id: "1.1", area_id, name, descriptor}],
//     proficiency_levels: { four: [{name, description, purpose, eight_levels}], eight: [...] },
//     competence_statements: [{id: "CS1.1.01", competence_id, level: "Basic", text}], ... }
// Learning outcomes and the glossary have no place in FrameworkDocument yet and are ignored.

const id = z.union([z.string(), z.number()]);
const text = z.string().nullish();

const digcomp3File = z.object({
  framework: z.string(),
  version: z.union([z.string(), z.number()]),
  edition: text,
  source: z.unknown(),
  licence: text,
  areas: z.array(z.object({ id, name: z.string(), descriptor: text })),
  competences: z.array(z.object({ id, area_id: id, name: z.string(), descriptor: text })),
  proficiency_levels: z.object({ four: z.array(z.object({ name: z.string(), description: text })).min(2) }),
  competence_statements: z.array(z.object({ id, competence_id: id, level: id, text: z.string() })).default([]),
});

export type DigComp3JsonOptions = {
  /** The community Swedish label file (digcomp-sv), merged into `sv`. */
  swedishLabels?: Buffer | string;
};

const WHAT = 'DigComp 3.0 JSON file';

export function importDigComp3Json(data: Buffer | string, options: DigComp3JsonOptions = {}): FrameworkDocument {
  const raw = parseJsonFile(data, WHAT);
  const version = isRecord(raw) ? cleanText(raw.version) : '';
  if (!isRecord(raw) || cleanText(raw.framework).toLowerCase() !== 'digcomp' || !/^3(\.|$)/.test(version)) {
    throw new FrameworkImportError('INVALID_FRAMEWORK', 'This is not a DigComp 3.x JSON file: it needs "framework": "DigComp" and a "version" starting with 3.', [
      { path: 'framework', message: 'expected "framework": "DigComp" and "version": "3.x"' },
    ]);
  }
  const parsed = digcomp3File.safeParse(raw);
  if (!parsed.success) throwIfProblems(zodProblems(parsed.error), WHAT);
  const file = parsed.data!;

  let doc = buildDigComp3(
    {
      version,
      edition: file.edition,
      source: describeSource(file.source),
      licence: file.licence ?? null,
      levels: file.proficiency_levels.four,
      areas: file.areas.map((a) => ({ code: a.id, name: a.name, descriptor: a.descriptor })),
      competences: file.competences.map((c) => ({ code: c.id, areaCode: c.area_id, name: c.name, descriptor: c.descriptor })),
      statements: file.competence_statements.map((s, i) => ({
        code: s.id,
        competenceCode: s.competence_id,
        level: s.level,
        text: s.text,
        at: { path: `competence_statements.${i}.level` },
      })),
    },
    WHAT,
  );
  if (options.swedishLabels !== undefined) doc = mergeSwedishLabels(doc, options.swedishLabels, 'DigComp 3.0');
  return finishDocument(doc, WHAT);
}

/** The file's `source` is either a sentence or {what, citation, framework_url}; cite the work first. */
function describeSource(source: unknown): string | null {
  if (typeof source === 'string') return source;
  if (!isRecord(source)) return null;
  const { citation, framework_url: url, what, ...rest } = source;
  const parts = [citation, url, what ? `Data: ${cleanText(what)}` : '', ...Object.values(rest)]
    .filter((p): p is string => typeof p === 'string' && cleanText(p) !== '')
    .map(cleanText);
  return parts.length > 0 ? parts.join(' ') : null;
}
