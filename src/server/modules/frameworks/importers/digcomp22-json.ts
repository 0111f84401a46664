import { z } from 'zod';
import { LANGUAGES } from '../../../../shared/domain.js';
import type { FrameworkDocument, LocalizedText } from '../framework.document.js';
import { FrameworkImportError, throwIfProblems } from './errors.js';
import { capText, cleanText, codeText, finishDocument, isRecord, localizedFrom, parseJsonFile, zodProblems } from './shared.js';

// Reads DigComp 2.x as JSON:
//   { framework: "DigComp", version: "2.2", publisher, licence, sources: {KEY: {what, url}},
//     areas: [{id, title: {en, nb, sv, da}, description: {...} | null}],
//     competences: [{id: "1.1", area_id, title: {...}, description: {...}}],
//     proficiency_levels: { dimensions: [...], groups: [{name, levels: [1, 2]}],
//                           levels: [{level: 1, group: "Foundation", complexity_of_tasks, ...}] } }
// Titles are per language and may be null (no translation exists); null and
// languages we do not support are left out. DigComp 2.x has no competence
// statements in machine-readable form, so `statements` is empty.

const id = z.union([z.string(), z.number()]);
const perLanguage = z.record(z.string(), z.string().nullable()).nullish();

const digcomp22File = z.object({
  version: z.union([z.string(), z.number()]),
  publisher: z.string().nullish(),
  licence: z.string().nullish(),
  sources: z.record(z.string(), z.object({ what: z.string().nullish(), url: z.string().nullish() })).nullish(),
  areas: z.array(z.object({ id, title: perLanguage, description: perLanguage })).min(1),
  competences: z.array(z.object({ id, area_id: id, title: perLanguage, description: perLanguage })).min(1),
  proficiency_levels: z.object({
    dimensions: z.array(z.string()).nullish(),
    groups: z.array(z.object({ name: z.string(), levels: z.array(z.number()) })).nullish(),
    levels: z.array(z.looseObject({ level: z.number().int(), group: z.string().nullish() })).min(2),
  }),
});

const WHAT = 'DigComp 2.x JSON file';

export function importDigComp22Json(data: Buffer | string): FrameworkDocument {
  const raw = parseJsonFile(data, WHAT);
  const version = isRecord(raw) ? cleanText(raw.version) : '';
  if (!isRecord(raw) || cleanText(raw.framework).toLowerCase() !== 'digcomp' || !/^2(\.|$)/.test(version)) {
    throw new FrameworkImportError('INVALID_FRAMEWORK', 'This is not a DigComp 2.x JSON file: it needs "framework": "DigComp" and a "version" starting with 2.', [
      { path: 'framework', message: 'expected "framework": "DigComp" and "version": "2.x"' },
    ]);
  }
  const parsed = digcomp22File.safeParse(raw);
  if (!parsed.success) throwIfProblems(zodProblems(parsed.error), WHAT);
  const file = parsed.data!;
  const { groups, dimensions } = file.proficiency_levels;

  const brand = `DigComp ${version}`;
  return finishDocument(
    {
      key: 'digcomp',
      name: Object.fromEntries(LANGUAGES.map((l) => [l, brand])),
      version,
      description: { en: 'The Digital Competence Framework for Citizens' },
      source: capText(describeSources(file.publisher, file.sources)),
      licence: capText(file.licence),
      levels: file.proficiency_levels.levels.map((l) => {
        // The level's own group, else the group that lists it ("Foundation" for 1 and 2).
        const group = cleanText(l.group) || cleanText(groups?.find((g) => g.levels.includes(l.level))?.name);
        const description = describeLevel(l, dimensions ?? []);
        return {
          level: l.level,
          name: { en: group ? `${group} ${l.level}` : `Level ${l.level}` },
          ...(description ? { description: { en: description } } : {}),
        };
      }),
      areas: file.areas.map((a) => withDescription({ code: codeText(a.id), name: localizedFrom(a.title) }, a.description)),
      competences: file.competences.map((c) => {
        const code = codeText(c.id);
        return withDescription({ code, areaCode: codeText(c.area_id), name: localizedFrom(c.title), digcompRef: code }, c.description);
      }),
      statements: [],
    },
    WHAT,
  );
}

function withDescription<T extends object>(item: T, description: unknown): T & { description?: LocalizedText } {
  const text = localizedFrom(description);
  return text ? { ...item, description: text } : item;
}

/** "Complexity of tasks: Simple tasks. Autonomy: With guidance. Cognitive domain: Remembering." */
function describeLevel(level: Record<string, unknown>, dimensions: string[]): string {
  return dimensions
    .filter((d) => cleanText(level[d]))
    .map((d) => {
      const label = d.replace(/_/g, ' ');
      return `${label.charAt(0).toUpperCase()}${label.slice(1)}: ${cleanText(level[d]).replace(/\.$/, '')}.`;
    })
    .join(' ');
}

function describeSources(publisher: string | null | undefined, sources: Record<string, { what?: string | null; url?: string | null }> | null | undefined): string | null {
  const parts = [cleanText(publisher), ...Object.values(sources ?? {}).map((s) => [cleanText(s.what), cleanText(s.url)].filter(Boolean).join(' '))];
  const text = parts.filter(Boolean).join('; ');
  return text || null;
}
