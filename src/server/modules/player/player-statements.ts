import { randomUUID } from 'node:crypto';
import type { CommitEvent, CompletionStatus, SuccessStatus } from '../../../shared/api/player.js';
import { personAgent } from '../lrs/xapi/identity.js';
import { packageActivityId } from '../packages/activity-ids.js';
import { isoDuration } from './cmi-time.js';
import type { ScoSummary } from './cmi.js';

// SCORM events as xAPI statements, after ADL's xAPI SCORM Profile: verbs
// initialized / resumed / completed / passed / failed / suspended / terminated
// from http://adlnet.gov/expapi/verbs/, the SCO as a "lesson" activity whose
// parent is the course (the package), the attempt as a grouping activity, the
// profile as category, and the attempt id as context.registration. A status
// statement is written when the status changes, not on every commit.

const VERB = (name: string) => ({ id: `http://adlnet.gov/expapi/verbs/${name}`, display: { 'en-US': name } });
const TYPE = (name: string) => `http://adlnet.gov/expapi/activities/${name}`;
export const SCORM_PROFILE_ACTIVITY = 'http://adlnet.gov/xapi/profile/scorm';

export type StatementScope = {
  publicUrl: string;
  attemptId: string;
  packageId: string;
  packageTitle: string;
  personId: string;
  personName: string;
};

export type ScoRef = { identifier: string; title: string; activityId: string };

export type CourseSummary = { completion: CompletionStatus; success: SuccessStatus; scoreScaled: number | null };

type Json = Record<string, unknown>;

const name = (title: string) => ({ und: title.trim() || '-' });

export const courseActivity = (s: StatementScope) => ({
  objectType: 'Activity',
  id: packageActivityId(s.publicUrl, s.packageId),
  definition: { type: TYPE('course'), name: name(s.packageTitle) },
});

export const attemptActivityId = (s: StatementScope) => `${packageActivityId(s.publicUrl, s.packageId)}?attemptId=${s.attemptId}`;

function context(s: StatementScope, withParent: boolean): Json {
  return {
    registration: s.attemptId,
    contextActivities: {
      ...(withParent ? { parent: [courseActivity(s)] } : {}),
      grouping: [{ objectType: 'Activity', id: attemptActivityId(s), definition: { type: TYPE('attempt'), name: name(`${s.packageTitle} (attempt)`) } }],
      category: [{ objectType: 'Activity', id: SCORM_PROFILE_ACTIVITY }],
    },
  };
}

function statement(s: StatementScope, verb: string, object: Json, ctx: Json, timestamp: string, result?: Json): Json {
  return {
    id: randomUUID(),
    actor: personAgent(s.publicUrl, s.personId, s.personName),
    verb: VERB(verb),
    object,
    ...(result && Object.keys(result).length > 0 ? { result } : {}),
    context: ctx,
    timestamp,
  };
}

function scoreOf(score: ScoSummary['score']): Json | undefined {
  const out: Json = {};
  if (score.scaled !== null) out.scaled = score.scaled;
  if (score.raw !== null) out.raw = score.raw;
  if (score.min !== null) out.min = score.min;
  if (score.max !== null) out.max = score.max;
  return Object.keys(out).length > 0 ? out : undefined;
}

function outcome(completion: CompletionStatus, success: SuccessStatus, score: Json | undefined): Json {
  const out: Json = {};
  if (score) out.score = score;
  if (success !== 'unknown') out.success = success === 'passed';
  if (completion === 'completed' || completion === 'incomplete') out.completion = completion === 'completed';
  return out;
}

/**
 * Statements about one SCO for one commit: the session start (initialized or
 * resumed), status changes, and the session end (suspended or terminated,
 * with the session's result and duration).
 */
export function scoStatements(
  s: StatementScope,
  sco: ScoRef,
  before: ScoSummary | null,
  after: ScoSummary,
  events: CommitEvent[],
  opts: { courseSuspended: boolean; timestamp: string },
): Json[] {
  const object = { objectType: 'Activity', id: sco.activityId, definition: { type: TYPE('lesson'), name: name(sco.title) } };
  const ctx = context(s, true);
  const out: Json[] = [];
  const at = opts.timestamp;
  if (events.includes('initialize')) out.push(statement(s, after.entry === 'resume' ? 'resumed' : 'initialized', object, ctx, at));
  const score = scoreOf(after.score);
  if (after.completion === 'completed' && before?.completion !== 'completed') out.push(statement(s, 'completed', object, ctx, at, { completion: true }));
  if (after.success !== 'unknown' && before?.success !== after.success) {
    out.push(statement(s, after.success, object, ctx, at, outcome(after.completion, after.success, score)));
  }
  if (events.includes('terminate')) {
    const suspended = after.exit === 'suspend' || opts.courseSuspended;
    const result = outcome(after.completion, after.success, score);
    if (after.sessionSeconds > 0) result.duration = isoDuration(after.sessionSeconds);
    out.push(statement(s, suspended ? 'suspended' : 'terminated', object, ctx, at, result));
  }
  return out;
}

/** Statements about the whole course when its rolled-up status changes. */
export function courseStatements(s: StatementScope, before: CourseSummary, after: CourseSummary, timestamp: string): Json[] {
  const object = courseActivity(s);
  const ctx = context(s, false);
  const out: Json[] = [];
  const score = after.scoreScaled !== null ? { scaled: after.scoreScaled } : undefined;
  if (after.completion === 'completed' && before.completion !== 'completed') out.push(statement(s, 'completed', object, ctx, timestamp, { completion: true }));
  if (after.success !== 'unknown' && before.success !== after.success) {
    out.push(statement(s, after.success, object, ctx, timestamp, outcome(after.completion, after.success, score)));
  }
  return out;
}

/**
 * SCORM 1.2 has no course-level status: the course is completed when every
 * SCO is, failed when any SCO failed, passed when all are completed and none
 * failed but some passed; the score is the mean of the SCOs' scaled scores.
 */
export function rollUp12(scoCount: number, scos: ScoSummary[]): CourseSummary {
  const completed = scos.filter((x) => x.completion === 'completed').length;
  const anyStarted = scos.some((x) => x.completion !== 'not_attempted');
  const allCompleted = scoCount > 0 && completed >= scoCount;
  const failed = scos.some((x) => x.success === 'failed');
  const passed = allCompleted && !failed && scos.some((x) => x.success === 'passed');
  const scores = scos.map((x) => x.score.scaled).filter((x): x is number => x !== null);
  return {
    completion: allCompleted ? 'completed' : anyStarted ? 'incomplete' : 'not_attempted',
    success: failed ? 'failed' : passed ? 'passed' : 'unknown',
    scoreScaled: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10000) / 10000 : null,
  };
}
