import { courseContent, type CourseContent } from '../../src/shared/api/learning-content.js';
import { FULL as MAPPING_FULL, QUICK as MAPPING_QUICK, type ScenarioSize } from '../mapping/plan.js';

// The learning scenario as plain data: the same country as the mapping
// benchmark (its municipalities, units and employees), plus what every
// municipality has for learning: a catalogue of 30 items, 20 assignments, and
// per employee the history of about 15 items over two years, with the xAPI
// statements those items sent to the LRS. scenario.ts and statements.ts turn
// it into rows with set-based SQL.

export type LearningSize = ScenarioSize & {
  /** xAPI statements across all municipalities, each municipality's share proportional to its employees. */
  statements: number;
  /** Items each employee has touched (started, completed, passed or failed). */
  itemsPerEmployee: number;
  /** Employees that get a session for "my learning"; each measured request is a different one. */
  learners: number;
};

export const FULL: LearningSize = { ...MAPPING_FULL, statements: 20_000_000, itemsPerEmployee: 15, learners: MAPPING_FULL.requests + MAPPING_FULL.warmup };
export const QUICK: LearningSize = { ...MAPPING_QUICK, statements: 240_000, itemsPerEmployee: 15, learners: MAPPING_QUICK.requests + MAPPING_QUICK.warmup };

/** How far back the history goes. */
export const HISTORY_DAYS = 730;

export type PlannedItem = {
  no: number;
  kind: 'course' | 'scorm' | 'cmi5' | 'xapi' | 'video' | 'link' | 'event';
  title: { nb: string; en: string };
  minutes: number;
  status: 'published' | 'draft' | 'archived';
  /** Held by the municipality but owned by its network (the network's coordinators manage it). */
  networkOwned: boolean;
  /** Positions in the starter framework's competence list (the competence tags). */
  competences: number[];
};

const TOPICS: [string, string][] = [
  ['Taushetsplikt og personvern', 'Confidentiality and privacy'],
  ['Informasjonssikkerhet i hverdagen', 'Everyday information security'],
  ['Dokumentasjon i journal', 'Documenting in the record'],
  ['Digitalt tilsyn', 'Digital supervision'],
  ['Medisindispenser', 'Medicine dispensers'],
  ['Trygghetsalarm', 'Safety alarms'],
  ['Nettbrett i pleien', 'Tablets in care'],
  ['Videokonsultasjon', 'Video consultations'],
  ['E-meldinger', 'Electronic messages'],
  ['Velferdsteknologi for ledere', 'Welfare technology for leaders'],
  ['Sensorer og varsling', 'Sensors and alerts'],
  ['GPS-lokalisering', 'GPS location'],
  ['Kjernejournal', 'Summary care record'],
  ['Avvikshåndtering', 'Incident reporting'],
  ['Sikker e-post', 'Secure e-mail'],
];
const KINDS: PlannedItem['kind'][] = ['course', 'scorm', 'course', 'video', 'cmi5', 'xapi', 'course', 'link', 'scorm', 'event'];

/** 30 items: mostly courses and packages, some films, links, xAPI activities and events; 27 published, 2 drafts, 1 archived. */
export const CATALOGUE: PlannedItem[] = Array.from({ length: 30 }, (_, i) => {
  const no = i + 1;
  const [nb, en] = TOPICS[i % TOPICS.length]!;
  const part = i < TOPICS.length ? '' : ' 2';
  return {
    no,
    kind: KINDS[i % KINDS.length]!,
    title: { nb: `${nb}${part}`, en: `${en}${part}` },
    minutes: [15, 30, 45, 20, 60, 10, 90][i % 7]!,
    status: no <= 27 ? 'published' : no <= 29 ? 'draft' : 'archived',
    networkOwned: no % 10 === 4,
    competences: [...new Set([i % 21, (i * 7 + 3) % 21, (i * 11 + 5) % 21].slice(0, 1 + (i % 3)))],
  };
});
/** Items 1..PUBLISHED are published; employees' histories are drawn from them. */
export const PUBLISHED = 27;

export type PlannedAssignment = {
  itemNo: number;
  /** everyone: one assignment per service area (together they cover the whole municipality). */
  target: { kind: 'everyone' } | { kind: 'unit'; unitNo: number } | { kind: 'profession'; profession: string } | { kind: 'role_profile'; template: string } | { kind: 'person'; personNo: number };
  dueDays?: number;
  dueInDays?: number;
  recurrenceMonths?: number;
  createdDaysAgo: number;
};

/** 20 assignment rows per municipality of four service areas (fewer where there are fewer). */
export const ASSIGNMENTS: PlannedAssignment[] = [
  { itemNo: 1, target: { kind: 'everyone' }, dueDays: 30, recurrenceMonths: 12, createdDaysAgo: 700 },
  { itemNo: 2, target: { kind: 'everyone' }, dueDays: 60, recurrenceMonths: 24, createdDaysAgo: 600 },
  { itemNo: 3, target: { kind: 'unit', unitNo: 1 }, dueInDays: 45, createdDaysAgo: 90 },
  { itemNo: 5, target: { kind: 'unit', unitNo: 2 }, dueInDays: -10, createdDaysAgo: 120 },
  { itemNo: 6, target: { kind: 'unit', unitNo: 3 }, dueDays: 30, recurrenceMonths: 12, createdDaysAgo: 400 },
  { itemNo: 11, target: { kind: 'unit', unitNo: 4 }, dueInDays: 20, createdDaysAgo: 30 },
  { itemNo: 7, target: { kind: 'profession', profession: 'nurse' }, dueDays: 60, createdDaysAgo: 300 },
  { itemNo: 9, target: { kind: 'profession', profession: 'health_care_worker' }, dueDays: 90, recurrenceMonths: 24, createdDaysAgo: 500 },
  { itemNo: 13, target: { kind: 'profession', profession: 'assistant' }, dueInDays: 60, createdDaysAgo: 60 },
  { itemNo: 10, target: { kind: 'profession', profession: 'leader' }, dueDays: 30, createdDaysAgo: 200 },
  { itemNo: 15, target: { kind: 'role_profile', template: 'nurse-home-care' }, dueDays: 45, createdDaysAgo: 250 },
  { itemNo: 17, target: { kind: 'role_profile', template: 'health-care-worker-nursing-home' }, dueInDays: 30, createdDaysAgo: 40 },
  { itemNo: 19, target: { kind: 'person', personNo: 17 } , dueInDays: 14, createdDaysAgo: 10 },
  { itemNo: 21, target: { kind: 'person', personNo: 42 }, dueInDays: -5, createdDaysAgo: 50 },
];
export const ROLE_PROFILE_TEMPLATE_KEYS = ['nurse-home-care', 'health-care-worker-nursing-home', 'assistant-care'];

/**
 * Verbs a learner's statements take turns over, the way a SCORM or cmi5 attempt
 * sends them (launched, initialized, progress, answers, the outcome, terminated).
 */
export const VERBS = ['launched', 'initialized', 'progressed', 'experienced', 'answered', 'completed', 'passed', 'terminated'].map((v) => ({
  id: `http://adlnet.gov/expapi/verbs/${v}`,
  nb: { launched: 'startet', initialized: 'åpnet', progressed: 'kom videre i', experienced: 'så', answered: 'svarte på', completed: 'fullførte', passed: 'bestod', terminated: 'avsluttet' }[v]!,
  en: v,
}));

/** A built-in course as authors write it: six lessons of text, the last with a quiz. Parsed, so it is what the app accepts. */
export function sampleCourse(title: string): CourseContent {
  const paragraph =
    'Når du arbeider med brukere, håndterer du opplysninger om helse og livssituasjon. Les gjennom eksemplene, tenk på hvordan det ser ut i din egen tjeneste, og snakk med kollegene dine om hva dere gjør når noe er uklart. ';
  return courseContent.parse({
    title,
    description: `Et kurs om ${title.toLowerCase()} for ansatte i helse og omsorg.`,
    lessons: Array.from({ length: 6 }, (_, l) => ({
      id: `lesson-${l + 1}`,
      title: `Del ${l + 1}`,
      blocks: [
        { type: 'text', id: 'intro', markdown: `## Del ${l + 1}\n\n${paragraph.repeat(3)}` },
        { type: 'text', id: 'example', markdown: `### Eksempel\n\n${paragraph.repeat(2)}` },
        ...(l === 5
          ? [
              {
                type: 'quiz',
                id: 'quiz',
                passMark: 80,
                questions: Array.from({ length: 5 }, (_, q) => ({
                  id: `q${q + 1}`,
                  prompt: `Spørsmål ${q + 1}: hva gjør du når en pårørende ringer og spør om en bruker?`,
                  multiple: false,
                  options: [
                    { id: 'a', text: 'Jeg sjekker hvem som har samtykke, før jeg sier noe.', correct: true },
                    { id: 'b', text: 'Jeg svarer på det jeg vet.', correct: false, feedback: 'Taushetsplikten gjelder også overfor pårørende.' },
                    { id: 'c', text: 'Jeg ber dem ringe tilbake senere.', correct: false },
                  ],
                })),
              },
            ]
          : []),
      ],
    })),
  });
}
