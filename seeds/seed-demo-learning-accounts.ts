import { createHash } from 'node:crypto';
import type { LearningItemKind, LearningStatus } from '../src/server/db/schema.js';
import { personAgent } from '../src/server/modules/lrs/xapi/identity.js';
import { packageActivityId } from '../src/server/modules/packages/activity-ids.js';
import { courseActivityId } from '../src/server/modules/learning/courses/course-statements.js';
import { learningItemActivityId } from '../src/server/modules/learning/catalogue/catalogue-statements.js';
import { demoItem, type DemoItemKey } from './demo/learning/demo-learning-items.js';
import type { DemoAccount } from './demo/demo-types.js';

// What the people behind the demo logins have learnt, step by step, so they
// see their own history, progress and certificates when they sign in: every
// login passed information security some months ago; the plain employee is
// half-way through the medicine-dispenser course and signed up for the next
// workshop; leaders and the competence advisor have done a little more.

const DAY = 86_400_000;

export type StoryStep = {
  personId: string;
  personName: string;
  item: DemoItemKey;
  status: LearningStatus;
  at: Date;
  score: number | null;
  language: 'nb' | 'en';
  currentLessonId?: string;
  lessonsDone?: string[];
};

type Person = { id: string; employeeNumber: string; name: string; profession: string; language: 'nb' | 'en' };
type Session = { id: string; starts_at: Date };

export function accountStory(accounts: DemoAccount[], people: Person[], sessions: Session[], now: Date) {
  const t = now.getTime();
  const daysAgo = (d: number, hour = 10) => new Date(t - d * DAY - (t % DAY) + hour * 3_600_000);
  const learning: StoryStep[] = [];
  const registrations: { session_id: string; person_id: string; status: 'registered'; registered_at: Date }[] = [];
  const upcoming = sessions.find((s) => s.starts_at.getTime() > t);
  accounts.forEach((a, i) => {
    const p = people.find((x) => x.employeeNumber === a.employeeNumber);
    if (!p) return;
    const base = { personId: p.id, personName: p.name, language: p.language };
    const finish = (item: DemoItemKey, ago: number, score: number | null, outcome: 'passed' | 'completed' = 'passed') => {
      learning.push({ ...base, item, status: 'in_progress', at: daysAgo(ago + 2, 13), score: null });
      learning.push({ ...base, item, status: outcome, at: daysAgo(ago, 11), score });
    };
    finish('information-security', 55 + ((i * 29) % 110), i % 3 === 0 ? 0.83 : 1);
    if (p.profession === 'health_care_worker') finish('hand-hygiene', 96, 0.8);
    const local = a.email.split('@')[0]!;
    if (local === 'ansatt') {
      learning.push({ ...base, item: 'medicine-dispenser', status: 'in_progress', at: daysAgo(6, 14), score: null, currentLessonId: 'alerts', lessonsDone: ['what-is-it', 'filling'] });
      learning.push({ ...base, item: 'film', status: 'completed', at: daysAgo(21, 12), score: null });
    } else if (local === 'leder.hjemmetjeneste') {
      finish('medicine-dispenser', 150, 1);
      finish('welfare-technology', 48, 0.9);
    } else if (local === 'kompetanse') {
      finish('patient-record', 300, 0.75);
      finish('welfare-technology', 75, 1);
      learning.push({ ...base, item: 'link', status: 'completed', at: daysAgo(130, 9), score: null });
    } else if (local.startsWith('ombud')) {
      learning.push({ ...base, item: 'film', status: 'completed', at: daysAgo(33, 12), score: null });
    }
    if (upcoming && (local === 'ansatt' || local.startsWith('ombud'))) {
      registrations.push({ session_id: upcoming.id, person_id: p.id, status: 'registered', registered_at: daysAgo(3, 9) });
    }
  });
  return { learning, registrations };
}

/** A UUID (version 5 layout) from a name, so a statement's id is the same on every run. */
export function nameUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const VERB: Record<LearningStatus, string> = { in_progress: 'attempted', completed: 'completed', passed: 'passed', failed: 'failed' };
const ACTIVITY_TYPE: Partial<Record<LearningItemKind, string>> = {
  course: 'http://adlnet.gov/expapi/activities/course',
  scorm: 'http://adlnet.gov/expapi/activities/course',
  video: 'https://w3id.org/xapi/video/activity-type/video',
  link: 'http://adlnet.gov/expapi/activities/link',
  event: 'http://adlnet.gov/expapi/activities/meeting',
};

/**
 * The activity an item's statements are about: a SCORM item's package (as
 * the player reports it), a built-in course's as the course runtime reports
 * it, otherwise the catalogue item itself (as "mark as done" reports it).
 */
export function itemActivityId(publicUrl: string, item: { id: string; kind: LearningItemKind; packageId: string | null }): string {
  if (item.kind === 'scorm' && item.packageId) return packageActivityId(publicUrl, item.packageId);
  // Built-in courses report under the id the course runtime uses (courses/course-statements.ts).
  if (item.kind === 'course') return courseActivityId(publicUrl, item.id);
  return learningItemActivityId(publicUrl, item.id);
}

export function demoStatement(publicUrl: string, municipalityId: string, s: StoryStep, item: { id: string; kind: LearningItemKind; packageId: string | null }) {
  const titles = demoItem(s.item).titles;
  const score = s.score === null ? {} : { score: { scaled: s.score } };
  const result =
    s.status === 'passed' ? { ...score, success: true, completion: true }
    : s.status === 'completed' ? { ...score, completion: true }
    : s.status === 'failed' ? { ...score, success: false }
    : null;
  return {
    id: nameUuid(`mestring-demo|${municipalityId}|${s.personId}|${item.id}|${s.status}|${s.at.toISOString()}`),
    actor: personAgent(publicUrl, s.personId, s.personName),
    verb: { id: `http://adlnet.gov/expapi/verbs/${VERB[s.status]}`, display: { 'en-US': VERB[s.status] } },
    object: { objectType: 'Activity', id: itemActivityId(publicUrl, item), definition: { type: ACTIVITY_TYPE[item.kind], name: { nb: titles.nb, en: titles.en } } },
    ...(result ? { result } : {}),
    context: { platform: 'Mestring', language: s.language },
    timestamp: s.at.toISOString(),
  };
}
