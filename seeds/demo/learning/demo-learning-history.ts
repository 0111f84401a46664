import { seededRandom, type Random } from '../demo-random.js';
import { demoCourse } from './courses/demo-courses.js';
import type { DemoItemKey } from './demo-learning-items.js';

// A year of learning in one demo municipality, as plain data: who finished
// what and when, who is half-way, who failed, which new hires arrived. Dated
// in days before `now` so the charts look the same whenever the demo starts.
//
// The story: for the first months completion is slow; from month 5 (of 12)
// the leaders start following up assignments, and the monthly count climbs.
// Nobody finishes everything, so some people are overdue on the assignments
// with a due date behind them (medicine dispenser, new hires' patient record).

const DAY = 86_400_000;
export const HISTORY_MONTHS = 12;
/** The month (0 = a year ago) in which leaders began to follow up. */
export const FOLLOW_UP_MONTH = 5;

export type HistoryPerson = { id: string; profession: string; homeCare: boolean; language: 'nb' | 'en' };

export type HistoryCompletion = { personId: string; item: DemoItemKey; outcome: 'completed' | 'passed'; score: number | null; startedAt: Date; completedAt: Date };
export type HistoryOpen = { personId: string; item: DemoItemKey; status: 'in_progress' | 'failed'; score: number | null; startedAt: Date; lastActivityAt: Date; currentLessonId: string | null };
export type LearningHistory = {
  completions: HistoryCompletion[];
  open: HistoryOpen[];
  newHires: { personId: string; hiredAt: Date }[];
  /** Registrations for the event's past session; attended ones also completed the item. */
  pastSession: { personId: string; attended: boolean }[];
};

type Rate = {
  item: DemoItemKey;
  who: (p: HistoryPerson) => boolean;
  /** First month the item was on offer. */
  from: number;
  /** Monthly chance to finish before the follow-up, and how much it grows each month after. */
  base: number;
  step: number;
  /** Of those who have not finished: share half-way, share failed. */
  inProgress: number;
  failed: number;
  outcome: 'completed' | 'passed';
  scores: number[] | null;
};

const RATES: Rate[] = [
  { item: 'information-security', who: () => true, from: 0, base: 0.04, step: 0.035, inProgress: 0.15, failed: 0, outcome: 'passed', scores: [0.83, 0.83, 1, 1, 1] },
  { item: 'medicine-dispenser', who: (p) => p.homeCare, from: 3, base: 0.05, step: 0.04, inProgress: 0.25, failed: 0, outcome: 'passed', scores: [0.75, 1, 1] },
  { item: 'hand-hygiene', who: (p) => p.profession === 'health_care_worker', from: 0, base: 0.04, step: 0.03, inProgress: 0.1, failed: 0.08, outcome: 'passed', scores: [0.8, 0.8, 1] },
  { item: 'welfare-technology', who: () => true, from: 1, base: 0.01, step: 0.006, inProgress: 0.04, failed: 0, outcome: 'passed', scores: [0.9, 1] },
  { item: 'film', who: () => true, from: 2, base: 0.012, step: 0.006, inProgress: 0, failed: 0, outcome: 'completed', scores: null },
];

const rateIn = (r: Rate, month: number) =>
  month < r.from ? 0 : month < FOLLOW_UP_MONTH ? r.base : Math.min(0.3, r.base + (month - FOLLOW_UP_MONTH + 1) * r.step);

/** A moment in month `month` (0 = twelve months ago, 11 = the last thirty days), during working hours. */
function dayIn(rng: Random, now: number, month: number): Date {
  const daysAgo = (HISTORY_MONTHS - month) * 30 - rng.int(0, 29);
  return new Date(now - daysAgo * DAY + rng.int(7, 15) * 3_600_000 + rng.int(0, 59) * 60_000 - (now % DAY));
}

const lessonsOf = (item: DemoItemKey): string[] =>
  item === 'information-security' || item === 'medicine-dispenser' || item === 'patient-record' ? demoCourse(item).content.en.lessons.map((l) => l.id) : [];

function openState(rng: Random, now: number, item: DemoItemKey, status: 'in_progress' | 'failed', personId: string): HistoryOpen {
  const lastActivityAt = new Date(now - rng.int(2, 45) * DAY - rng.int(1, 8) * 3_600_000);
  const lessons = lessonsOf(item);
  return {
    personId,
    item,
    status,
    score: status === 'failed' ? rng.pick([0.4, 0.6]) : null,
    startedAt: new Date(lastActivityAt.getTime() - rng.int(0, 20) * DAY),
    lastActivityAt,
    currentLessonId: lessons.length > 1 ? rng.pick(lessons.slice(1, -1)) : null,
  };
}

/**
 * The history of the people given (the demo logins' own people are left out
 * by the caller: theirs is recorded through the application). `seed` keeps
 * each municipality's story different but reproducible.
 */
export function buildLearningHistory(people: HistoryPerson[], now: Date, seed: number): LearningHistory {
  const rng = seededRandom(seed);
  const t = now.getTime();
  const out: LearningHistory = { completions: [], open: [], newHires: [], pastSession: [] };
  for (const r of RATES) {
    for (const p of people.filter(r.who)) {
      let done = false;
      for (let month = 0; month < HISTORY_MONTHS && !done; month++) {
        if (rng.next() >= rateIn(r, month)) continue;
        const completedAt = dayIn(rng, t, month);
        out.completions.push({
          personId: p.id,
          item: r.item,
          outcome: r.outcome,
          score: r.scores ? rng.pick(r.scores) : null,
          startedAt: new Date(completedAt.getTime() - rng.int(0, 6) * DAY - rng.int(0, 3) * 3_600_000),
          completedAt,
        });
        done = true;
      }
      if (done) continue;
      const roll = rng.next();
      if (roll < r.failed) out.open.push(openState(rng, t, r.item, 'failed', p.id));
      else if (roll < r.failed + r.inProgress) out.open.push(openState(rng, t, r.item, 'in_progress', p.id));
    }
  }

  // New hires: a few people who started in the last two months, each with the
  // patient-record course due 30 days after they started.
  const hires = people.filter((_, i) => i % 17 === 5).slice(0, 8);
  const hireDays = [6, 13, 19, 27, 34, 41, 50, 58];
  hires.forEach((p, i) => {
    const daysAgo = hireDays[i]!;
    const hiredAt = new Date(t - daysAgo * DAY - (t % DAY) + 8 * 3_600_000);
    out.newHires.push({ personId: p.id, hiredAt });
    // The later ones had time; two of the earlier ones let it slip past the due date.
    const finishes = daysAgo >= 19 && i % 3 !== 1;
    if (finishes) {
      const completedAt = new Date(hiredAt.getTime() + rng.int(4, Math.min(daysAgo - 2, 24)) * DAY + rng.int(1, 6) * 3_600_000);
      out.completions.push({ personId: p.id, item: 'patient-record', outcome: 'passed', score: rng.pick([0.75, 1]), startedAt: new Date(hiredAt.getTime() + 2 * DAY), completedAt });
    } else if (i % 2 === 0) {
      out.open.push({ ...openState(rng, t, 'patient-record', 'in_progress', p.id), startedAt: new Date(hiredAt.getTime() + DAY), lastActivityAt: new Date(Math.min(t - DAY, hiredAt.getTime() + 3 * DAY)) });
    }
  });

  // The workshop's past session: ten registered from home care, eight came.
  const homeCare = people.filter((p) => p.homeCare);
  homeCare.filter((_, i) => i % 3 === 1).slice(0, 10).forEach((p, i) => out.pastSession.push({ personId: p.id, attended: i % 5 !== 3 }));
  return out;
}
