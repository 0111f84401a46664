import { z } from 'zod';
import { LANGUAGES } from '../../../../shared/domain.js';
import type { FrameworkDocument, LocalizedText } from '../framework.document.js';
import { throwIfProblems, type FrameworkImportProblem } from './errors.js';
import { capText, cleanText, codeText, parseJsonFile, textIn, zodProblems } from './shared.js';

// What the DigComp 3.0 JSON and XLSX importers share, so that both produce the
// very same document from the same content.

/** DigComp 3.0's four-level scale in order; used when a workbook has no levels sheet. */
export const DIGCOMP3_LEVEL_NAMES = ['Basic', 'Intermediate', 'Advanced', 'Highly advanced'] as const;

/** Where a value came from, so a problem can point at it. */
type Origin = Omit<FrameworkImportProblem, 'message'>;

export type DigComp3Content = {
  version: string;
  edition?: string | null;
  source: string | null;
  licence: string | null;
  /** The scale in order: the first is level 1. */
  levels: { name: unknown; description?: unknown }[];
  areas: { code: unknown; name: unknown; descriptor?: unknown }[];
  competences: { code: unknown; areaCode: unknown; name: unknown; descriptor?: unknown }[];
  statements: { code: unknown; competenceCode: unknown; level: unknown; text: unknown; at: Origin }[];
};

const levelKey = (name: unknown) => cleanText(name).toLowerCase().replace(/\s+/g, ' ');

/**
 * Builds the (not yet validated) document. Statements name their level
 * ("Basic"); we map names to 1–4 by the scale's own order rather than a fixed
 * list, so a renamed scale in a later 3.x still imports.
 */
export function buildDigComp3(content: DigComp3Content, what: string): FrameworkDocument {
  const byName = new Map(content.levels.map((l, i) => [levelKey(l.name), i + 1]));
  const problems: FrameworkImportProblem[] = [];
  const levelOf = (value: unknown, at: Origin): number => {
    const asNumber = typeof value === 'number' ? value : /^\d+$/.test(cleanText(value)) ? Number(cleanText(value)) : NaN;
    const level = Number.isInteger(asNumber) ? asNumber : byName.get(levelKey(value));
    if (level !== undefined && level >= 1 && level <= content.levels.length) return level;
    const names = content.levels.map((l) => cleanText(l.name)).join(', ');
    problems.push({ ...at, message: `Unknown proficiency level "${cleanText(value)}"; expected one of ${names}.` });
    return 0;
  };
  const statements = content.statements.map((s) => ({
    code: cleanText(s.code),
    competenceCode: codeText(s.competenceCode),
    level: levelOf(s.level, s.at),
    text: textIn('en', s.text),
  }));
  throwIfProblems(problems, what);

  const brand = `DigComp ${content.version}`;
  const edition = cleanText(content.edition);
  return {
    key: 'digcomp',
    // A proper name: the same in every language, so no fallback is ever shown.
    name: Object.fromEntries(LANGUAGES.map((l) => [l, brand])) as LocalizedText,
    version: content.version,
    description: { en: `European Digital Competence Framework${edition ? ` – ${edition}` : ''}` },
    source: capText(content.source),
    licence: capText(content.licence),
    levels: content.levels.map((l, i) => withDescription({ level: i + 1, name: textIn('en', l.name) }, l.description)),
    areas: content.areas.map((a) => withDescription({ code: codeText(a.code), name: textIn('en', a.name) }, a.descriptor)),
    competences: content.competences.map((c) => {
      const code = codeText(c.code);
      return withDescription({ code, areaCode: codeText(c.areaCode), name: textIn('en', c.name), digcompRef: code }, c.descriptor);
    }),
    // Missing texts stay undefined here; the schema check reports them with a path.
    statements: statements as FrameworkDocument['statements'],
  } as FrameworkDocument;
}

function withDescription<T extends object>(item: T, description: unknown): T & { description?: LocalizedText } {
  const text = textIn('en', description);
  return text ? { ...item, description: text } : item;
}

// The community file (digcomp-sv) holds Swedish names for areas and levels only.
const swedishLabelsFile = z.object({
  source: z.string().nullish(),
  licence: z.string().nullish(),
  areas: z.array(z.object({ id: z.union([z.number(), z.string()]), name_sv: z.string().nullish(), descriptor_sv: z.string().nullish() })).default([]),
  four_levels: z.array(z.object({ en: z.string(), sv: z.string().nullish(), description_sv: z.string().nullish() })).default([]),
});

/**
 * Adds Swedish (`sv`) area and level labels. The labels carry their own
 * licence (CC BY-SA for digcomp-sv), so it is appended to the document's
 * source and licence: whoever republishes the merged labels must see it.
 */
export function mergeSwedishLabels(doc: FrameworkDocument, data: Buffer | string, what: string): FrameworkDocument {
  const parsed = swedishLabelsFile.safeParse(parseJsonFile(data, 'Swedish label file'));
  if (!parsed.success) throwIfProblems(zodProblems(parsed.error, 'swedishLabels'), 'Swedish label file');
  const labels = parsed.data!;
  const problems: FrameworkImportProblem[] = [];
  const areas = doc.areas.map((a) => ({ ...a }));
  const levels = doc.levels.map((l) => ({ ...l }));

  labels.areas.forEach((label, i) => {
    const area = areas.find((a) => a.code === codeText(label.id));
    if (!area) return void problems.push({ path: `swedishLabels.areas.${i}.id`, message: `The Swedish labels name area ${label.id}, which ${what} does not have.` });
    const name = cleanText(label.name_sv);
    const description = cleanText(label.descriptor_sv);
    if (name) area.name = { ...area.name, sv: name };
    if (description) area.description = { ...area.description, sv: description };
  });
  labels.four_levels.forEach((label, i) => {
    const level = levels.find((l) => levelKey(l.name.en) === levelKey(label.en));
    if (!level) return void problems.push({ path: `swedishLabels.four_levels.${i}.en`, message: `The Swedish labels name level "${label.en}", which ${what} does not have.` });
    const name = cleanText(label.sv);
    const description = cleanText(label.description_sv);
    if (name) level.name = { ...level.name, sv: name };
    if (description) level.description = { ...level.description, sv: description };
  });
  throwIfProblems(problems, 'Swedish label file');

  const join = (own: string | null, extra: string | null | undefined) =>
    capText([own, cleanText(extra) ? `Swedish labels: ${cleanText(extra)}` : ''].filter(Boolean).join(' | '));
  return { ...doc, areas, levels, source: join(doc.source, labels.source), licence: join(doc.licence, labels.licence) };
}
