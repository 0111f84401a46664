import type { CourseContent } from '../../../../src/shared/api/learning-content.js';
import { informationSecurityEn } from './information-security.en.js';
import { informationSecurityNb } from './information-security.nb.js';
import { medicineDispenserEn } from './medicine-dispenser.en.js';
import { medicineDispenserNb } from './medicine-dispenser.nb.js';
import { patientRecordEn } from './patient-record.en.js';
import { patientRecordNb } from './patient-record.nb.js';

// The built-in courses of the demo: plain data, one CourseContent per language.
// Competence codes are the starter framework's (the one the demo campaigns
// map), with the level on its 1–4 scale the course brings a learner to.

export type DemoCourseKey = 'information-security' | 'medicine-dispenser' | 'patient-record';

export type DemoCourse = {
  key: DemoCourseKey;
  durationMinutes: number;
  competences: { code: string; level: number | null }[];
  content: { nb: CourseContent; en: CourseContent };
};

export const DEMO_COURSES: readonly DemoCourse[] = [
  {
    key: 'information-security',
    durationMinutes: 30,
    competences: [
      { code: 'HC.SEC.1', level: 2 },
      { code: 'HC.SEC.2', level: 2 },
      { code: 'HC.SEC.3', level: 2 },
      { code: 'HC.SEC.4', level: 2 },
      { code: 'HC.SEC.5', level: 2 },
    ],
    content: { nb: informationSecurityNb, en: informationSecurityEn },
  },
  {
    key: 'medicine-dispenser',
    durationMinutes: 25,
    competences: [{ code: 'HC.WT.2', level: 2 }],
    content: { nb: medicineDispenserNb, en: medicineDispenserEn },
  },
  {
    key: 'patient-record',
    durationMinutes: 30,
    competences: [
      { code: 'HC.EPR.1', level: 2 },
      { code: 'HC.EPR.2', level: 1 },
      { code: 'HC.SEC.1', level: 1 },
    ],
    content: { nb: patientRecordNb, en: patientRecordEn },
  },
];

export const demoCourse = (key: DemoCourseKey): DemoCourse => DEMO_COURSES.find((c) => c.key === key)!;
