import { LANGUAGES, type Language } from '../../../../shared/domain.js';
import type { FrameworkDocument, LocalizedText } from '../framework.document.js';

// Building blocks for the built-in starter framework. The content is written
// per language (one block of name, description and level texts per language),
// which keeps each translation readable as a whole; the helpers below turn it
// into the language-keyed shape of a FrameworkDocument.

/** Text in every language Mestring supports; the type makes a missing language a compile error. */
export type FullText = Readonly<Record<Language, string>>;

/** The 21 competence ids of DigComp 3.0. */
export const DIGCOMP_3_IDS = [
  '1.1', '1.2', '1.3',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6',
  '3.1', '3.2', '3.3', '3.4',
  '4.1', '4.2', '4.3', '4.4',
  '5.1', '5.2', '5.3', '5.4',
] as const;
export type DigcompId = (typeof DIGCOMP_3_IDS)[number];

/** The starter scale has four levels; every competence describes each of them. */
export const STARTER_LEVEL_NUMBERS = [1, 2, 3, 4] as const;
export type StarterLevel = (typeof STARTER_LEVEL_NUMBERS)[number];

/** One language's wording of a competence: its name, a description and what a person can do at each level. */
export type CompetenceWording = Readonly<{ name: string; description: string } & Record<StarterLevel, string>>;

export type CompetenceSource = Readonly<{
  code: string;
  /** The DigComp 3.0 competence this one corresponds to, or null where DigComp has no counterpart. */
  digcompRef: DigcompId | null;
}> &
  Readonly<Record<Language, CompetenceWording>>;

export interface AreaSource {
  readonly code: string;
  readonly name: FullText;
  readonly description: FullText;
  readonly competences: readonly CompetenceSource[];
}

export interface LevelSource {
  readonly level: StarterLevel;
  readonly name: FullText;
  readonly description: FullText;
}

type FrameworkArea = FrameworkDocument['areas'][number];
type FrameworkCompetence = FrameworkDocument['competences'][number];
type FrameworkLevel = FrameworkDocument['levels'][number];

/** A fresh copy, so that callers may change the document they are given. */
function copy(text: FullText): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, text[lang]])) as LocalizedText;
}

function gather(source: CompetenceSource, pick: (wording: CompetenceWording) => string): LocalizedText {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, pick(source[lang])])) as LocalizedText;
}

export function toFrameworkLevel(source: LevelSource): FrameworkLevel {
  return { level: source.level, name: copy(source.name), description: copy(source.description) };
}

export function toFrameworkArea(source: AreaSource): FrameworkArea {
  return { code: source.code, name: copy(source.name), description: copy(source.description) };
}

export function toFrameworkCompetences(area: AreaSource): FrameworkCompetence[] {
  return area.competences.map((source) => ({
    code: source.code,
    areaCode: area.code,
    name: gather(source, (w) => w.name),
    description: gather(source, (w) => w.description),
    digcompRef: source.digcompRef,
    levelDescriptions: STARTER_LEVEL_NUMBERS.map((level) => ({ level, text: gather(source, (w) => w[level]) })),
  }));
}
