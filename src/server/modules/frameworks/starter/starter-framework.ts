import type { FrameworkDocument } from '../framework.document.js';
import { digitalBasics } from './areas/digital-basics.js';
import { leadingChange } from './areas/leading-change.js';
import { recordsAndSystems } from './areas/records-and-systems.js';
import { securityAndPrivacy } from './areas/security-and-privacy.js';
import { welfareTechnology } from './areas/welfare-technology.js';
import { type AreaSource, type FullText, toFrameworkArea, toFrameworkCompetences, toFrameworkLevel } from './define.js';
import { STARTER_LEVELS } from './levels.js';

// Mestring's own competence framework for municipal health and care. It follows
// DigComp 3.0 where a competence matches (digcompRef) and adds what DigComp lacks:
// welfare technology, electronic records and professional systems, and leading
// digital change; security and privacy are made specific to health and care.

export const STARTER_FRAMEWORK_KEY = 'mestring-starter';
export const STARTER_FRAMEWORK_VERSION = '1.0';

/** The areas in display order. */
export const STARTER_AREAS: readonly AreaSource[] = [
  digitalBasics,
  welfareTechnology,
  recordsAndSystems,
  securityAndPrivacy,
  leadingChange,
];

/** Area codes by theme, for callers (and tests) that need a particular area. */
export const STARTER_AREA_CODES = {
  digitalBasics: digitalBasics.code,
  welfareTechnology: welfareTechnology.code,
  recordsAndSystems: recordsAndSystems.code,
  securityAndPrivacy: securityAndPrivacy.code,
  leadingChange: leadingChange.code,
} as const;

const NAME: FullText = {
  nb: 'Digital kompetanse i helse og omsorg',
  nn: 'Digital kompetanse i helse og omsorg',
  sv: 'Digital kompetens i vård och omsorg',
  da: 'Digital kompetence i sundhed og omsorg',
  en: 'Digital competence in health and care',
};

const DESCRIPTION: FullText = {
  nb: 'Mestrings innebygde rammeverk for digital kompetanse hos ansatte og ledere i kommunale helse- og omsorgstjenester. Det bygger på DigComp der kompetansene samsvarer, og legger til velferdsteknologi, elektronisk pasientjournal og fagsystemer, informasjonssikkerhet og personvern og ledelse av digital endring.',
  nn: 'Det innebygde rammeverket i Mestring for digital kompetanse hos tilsette og leiarar i kommunale helse- og omsorgstenester. Det byggjer på DigComp der kompetansane samsvarer, og legg til velferdsteknologi, elektronisk pasientjournal og fagsystem, informasjonstryggleik og personvern og leiing av digital endring.',
  sv: 'Mestrings inbyggda ramverk för digital kompetens hos medarbetare och chefer i kommunal vård och omsorg. Det bygger på DigComp där kompetenserna motsvarar varandra och lägger till välfärdsteknik, elektronisk journal och verksamhetssystem, informationssäkerhet och dataskydd samt ledning av digital förändring.',
  da: 'Mestrings indbyggede kompetenceramme for digitale kompetencer hos medarbejdere og ledere i kommunal sundhed og omsorg. Den bygger på DigComp, hvor kompetencerne svarer til hinanden, og tilføjer velfærdsteknologi, elektronisk journal og fagsystemer, informationssikkerhed og databeskyttelse samt ledelse af digital forandring.',
  en: "Mestring's built-in framework for the digital competence of staff and leaders in municipal health and care services. It builds on DigComp where the competences match, and adds welfare technology, electronic patient records and professional systems, information security and privacy, and leading digital change.",
};

/** A new copy of the starter framework each call (callers may change it freely). */
export function buildStarterFramework(): FrameworkDocument {
  return {
    key: STARTER_FRAMEWORK_KEY,
    name: { ...NAME },
    version: STARTER_FRAMEWORK_VERSION,
    description: { ...DESCRIPTION },
    source: 'Mestring (original content)',
    licence: 'CC BY 4.0',
    levels: STARTER_LEVELS.map(toFrameworkLevel),
    areas: STARTER_AREAS.map(toFrameworkArea),
    competences: STARTER_AREAS.flatMap(toFrameworkCompetences),
    statements: [],
  };
}
