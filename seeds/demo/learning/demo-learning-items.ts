import type { LearningItemKind } from '../../../src/server/db/schema.js';
import { DEMO_COURSES, type DemoCourseKey } from './courses/demo-courses.js';
import { HAND_HYGIENE_IDENTIFIER, HAND_HYGIENE_TITLE, handHygieneZip } from './packages/hand-hygiene-scorm12.js';
import { WELFARE_TECH_IDENTIFIER, WELFARE_TECH_TITLE, welfareTechnologyZip } from './packages/welfare-technology-scorm2004.js';

// The catalogue of every demo municipality, as plain data. An item is found
// again by its English title (its natural key), so the seed can run twice.

export type DemoItemKey = DemoCourseKey | 'hand-hygiene' | 'welfare-technology' | 'film' | 'link' | 'event';

type Localized = { nb: string; en: string; nn?: string };

export type DemoItem = {
  key: DemoItemKey;
  kind: LearningItemKind;
  titles: Localized;
  descriptions: Localized;
  languages: ('nb' | 'nn' | 'en')[];
  durationMinutes: number;
  competences: { code: string; level: number | null }[];
  certificateEnabled: boolean;
  /** Films and links. */
  url?: string;
  /** SCORM items: the package, built from source at seed time. */
  package?: { identifier: string; fileName: string; zip: () => Buffer };
};

const courseItems: DemoItem[] = DEMO_COURSES.map((c) => ({
  key: c.key,
  kind: 'course',
  titles: { nb: c.content.nb.title, en: c.content.en.title },
  descriptions: { nb: c.content.nb.description ?? '', en: c.content.en.description ?? '' },
  languages: ['nb', 'en'],
  durationMinutes: c.durationMinutes,
  competences: c.competences,
  certificateEnabled: true,
}));

export const DEMO_ITEMS: readonly DemoItem[] = [
  ...courseItems,
  {
    key: 'hand-hygiene',
    kind: 'scorm',
    titles: { ...HAND_HYGIENE_TITLE },
    descriptions: {
      nb: 'E-læring (SCORM 1.2): når og hvordan du rengjør hendene, sprit eller såpe, og riktig bruk av hansker. Avsluttes med en test.',
      en: 'E-learning (SCORM 1.2): when and how to clean your hands, hand rub or soap, and the right use of gloves. Ends with a test.',
    },
    languages: ['nb', 'en'],
    durationMinutes: 15,
    competences: [],
    certificateEnabled: true,
    package: { identifier: HAND_HYGIENE_IDENTIFIER, fileName: 'handhygiene-scorm12.zip', zip: handHygieneZip },
  },
  {
    key: 'welfare-technology',
    kind: 'scorm',
    titles: { ...WELFARE_TECH_TITLE },
    descriptions: {
      nb: 'E-læring (SCORM 2004) i to moduler: hva velferdsteknologi er, hvordan behovet kartlegges, og hva du gjør når et varsel kommer.',
      en: 'E-learning (SCORM 2004) in two modules: what welfare technology is, how needs are mapped, and what to do when an alert comes.',
    },
    languages: ['nb', 'en'],
    durationMinutes: 20,
    competences: [
      { code: 'HC.WT.1', level: 1 },
      { code: 'HC.WT.3', level: 2 },
    ],
    certificateEnabled: true,
    package: { identifier: WELFARE_TECH_IDENTIFIER, fileName: 'velferdsteknologi-scorm2004.zip', zip: welfareTechnologyZip },
  },
  {
    key: 'film',
    kind: 'video',
    titles: { nb: 'Film: Velferdsteknologi i kommunene', en: 'Film: Welfare technology in municipalities' },
    descriptions: {
      nb: 'KS samler filmer og erfaringer fra kommuner som har tatt i bruk velferdsteknologi. Se en film og snakk om den på neste personalmøte.',
      en: 'KS (the Norwegian association of local authorities) collects films and experience from municipalities using welfare technology. Watch one and discuss it at the next staff meeting.',
    },
    languages: ['nb'],
    durationMinutes: 10,
    competences: [{ code: 'HC.WT.6', level: 1 }],
    certificateEnabled: false,
    url: 'https://www.ks.no/fagomrader/helse-og-omsorg/velferdsteknologi3/',
  },
  {
    key: 'link',
    kind: 'link',
    titles: { nb: 'Normen – informasjonssikkerhet og personvern', en: 'The Norm for information security and privacy' },
    descriptions: {
      nb: 'Bransjenormen for informasjonssikkerhet og personvern i helse- og omsorgstjenesten, med faktaark og veiledere.',
      en: 'The sector norm for information security and privacy in health and care services, with fact sheets and guides (in Norwegian).',
    },
    languages: ['nb'],
    durationMinutes: 20,
    competences: [
      { code: 'HC.SEC.1', level: 3 },
      { code: 'HC.SEC.2', level: 3 },
    ],
    certificateEnabled: false,
    url: 'https://www.ehelse.no/normen',
  },
  {
    key: 'event',
    kind: 'event',
    titles: { nb: 'Kurs: Trygg bruk av nettbrett i hjemmetjenesten', en: 'Workshop: Safe use of tablets in home care' },
    descriptions: {
      nb: 'Praktisk kurs på to timer med egne nettbrett: innlogging, dokumentasjon på farten, bilder og personvern, og hva du gjør når noe ikke virker.',
      en: 'A hands-on two-hour workshop with your own tablet: signing in, documenting on the go, photos and privacy, and what to do when something does not work.',
    },
    languages: ['nb'],
    durationMinutes: 120,
    competences: [
      { code: 'HC.DIG.1', level: 2 },
      { code: 'HC.SEC.3', level: 2 },
    ],
    certificateEnabled: true,
  },
];

export const demoItem = (key: DemoItemKey): DemoItem => DEMO_ITEMS.find((i) => i.key === key)!;

/** The event's sessions, in days from now (negative: past) and hours of the day. */
export const DEMO_EVENT_SESSIONS = [
  { key: 'past', startsInDays: -38, hour: 12, location: 'Kommunehuset, møterom Fjorden' },
  { key: 'soon', startsInDays: 12, hour: 12, location: 'Kommunehuset, møterom Fjorden' },
  { key: 'later', startsInDays: 47, hour: 9, location: 'Helsehuset, undervisningsrommet' },
] as const;
