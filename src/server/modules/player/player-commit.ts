import type { Commit, CourseReport, ScormKind } from '../../../shared/api/player.js';
import type { TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { normalizeCmi, summarizeCmi, type CmiJson, type ScoSummary } from './cmi.js';
import { courseStatements, rollUp12, scoStatements, type CourseSummary, type ScoRef, type StatementScope } from './player-statements.js';
import * as repo from './player.repository.js';
import { recordScormCourseChange } from '../learning/records/scorm-source.js';

// Applies one launch's commits to its attempt, inside the caller's
// transaction (the attempt row is locked): checks and stores each SCO's
// run-time data, keeps the SCO's time and session count, stores the SCORM
// 2004 course state, rolls the course status up, and writes the statements
// the changes call for to the outbox. A commit whose seq is not above the
// last one applied is a retry and changes nothing.

export type CommitScope = {
  municipalityId: string;
  attempt: repo.AttemptRow;
  kind: ScormKind;
  scos: ScoRef[];
  statementScope: StatementScope;
};

type ScoState = { cmi: CmiJson; summary: ScoSummary; totalSeconds: number; lastExit: string; sessions: number };

const invalid = (message: string, details: Record<string, unknown>) => AppError.validation(message, details);

function checkCourseReport(kind: ScormKind, report: CourseReport, scoIds: Set<string>): CourseReport {
  if (kind === 'scorm12') throw invalid('A SCORM 1.2 course has no sequencing state.', { reason: 'COURSE_REPORT_UNEXPECTED' });
  if (report.state.sequencing !== undefined) {
    try {
      JSON.parse(report.state.sequencing);
    } catch {
      throw invalid('The sequencing state is not JSON.', { reason: 'COURSE_STATE_INVALID' });
    }
  }
  const suspendedRuntimeData: Record<string, Record<string, unknown>> = {};
  for (const [id, data] of Object.entries(report.state.suspendedRuntimeData)) {
    if (!scoIds.has(id)) throw invalid(`The course state names "${id.slice(0, 100)}", which is no SCO of the course.`, { reason: 'UNKNOWN_ITEM' });
    suspendedRuntimeData[id] = normalizeCmi(kind, data);
  }
  if (report.currentItem !== null && !scoIds.has(report.currentItem)) throw invalid('The course state names an unknown current item.', { reason: 'UNKNOWN_ITEM' });
  return { ...report, state: { ...report.state, suspendedRuntimeData } };
}

export type AppliedCommits = {
  lastSeq: number;
  statements: { id: string }[];
  ended: boolean;
  /** The SCORM 2004 course state the batch stored, if it stored one. */
  courseState: CourseReport['state'] | null;
};

export async function applyCommits(tx: TenantTx, scope: CommitScope, commits: Commit[]): Promise<AppliedCommits> {
  const { municipalityId, attempt, kind } = scope;
  const scoIds = new Set(scope.scos.map((s) => s.identifier));
  const states = new Map<string, ScoState>();
  for (const row of await repo.listScoStates(tx, municipalityId, attempt.id)) {
    const cmi = row.cmi as CmiJson;
    states.set(row.item_identifier, { cmi, summary: summarizeCmi(kind, cmi), totalSeconds: row.total_time_seconds, lastExit: row.last_exit, sessions: row.sessions });
  }
  const courseBefore: CourseSummary = { completion: attempt.completion_status, success: attempt.success_status, scoreScaled: attempt.score_scaled };
  let course = courseBefore;
  let lastSeq = attempt.last_seq;
  let ended = attempt.ended_at !== null;
  const change: repo.AttemptChange = {};
  let courseState: CourseReport['state'] | null = null;
  const statements: Record<string, unknown>[] = [];
  const now = new Date().toISOString();

  for (const commit of [...commits].sort((a, b) => a.seq - b.seq)) {
    if (commit.seq <= lastSeq) continue;
    lastSeq = commit.seq;
    // After the course has ended a late commit (a SCO terminating on unload) has nothing left to change.
    if (ended) continue;
    const report = commit.course ? checkCourseReport(kind, commit.course, scoIds) : null;
    if (commit.item !== undefined) {
      const sco = scope.scos.find((s) => s.identifier === commit.item);
      if (!sco) throw invalid(`"${commit.item.slice(0, 100)}" is no SCO of this course.`, { reason: 'UNKNOWN_ITEM', field: 'item' });
      if (!commit.cmi) throw invalid('A commit for a SCO carries its run-time data.', { field: 'cmi' });
      const cmi = normalizeCmi(kind, commit.cmi);
      const summary = summarizeCmi(kind, cmi);
      const before = states.get(sco.identifier);
      const terminated = commit.events.includes('terminate');
      const next: ScoState = {
        cmi,
        summary,
        // The session's time counts once, when the session ends.
        totalSeconds: (before?.totalSeconds ?? 0) + (terminated ? summary.sessionSeconds : 0),
        lastExit: summary.exit,
        sessions: (before?.sessions ?? 0) + (commit.events.includes('initialize') ? 1 : 0),
      };
      states.set(sco.identifier, next);
      await repo.upsertScoState(tx, municipalityId, attempt.id, {
        item: sco.identifier,
        cmi,
        completion: summary.completion,
        success: summary.success,
        score: summary.score,
        totalSeconds: next.totalSeconds,
        lastExit: next.lastExit,
        sessions: next.sessions,
      });
      statements.push(...scoStatements(scope.statementScope, sco, before?.summary ?? null, summary, commit.events, { courseSuspended: report?.state.suspended ?? false, timestamp: now }));
      if (kind === 'scorm12') change.current_item = sco.identifier;
    }
    if (report) {
      change.sequencing_state = JSON.stringify(report.state);
      courseState = report.state;
      change.suspended = report.state.suspended;
      change.current_item = report.currentItem;
      course = { completion: report.completionStatus, success: report.successStatus, scoreScaled: report.scoreScaled };
      if (report.ended && !report.state.suspended) ended = true;
    } else if (kind === 'scorm12') {
      course = rollUp12(scope.scos.length, [...states.values()].map((s) => s.summary));
    }
  }

  statements.push(...courseStatements(scope.statementScope, courseBefore, course, now));
  change.completion_status = course.completion;
  change.success_status = course.success;
  change.score_scaled = course.scoreScaled;
  if (course.completion === 'completed' && attempt.completed_at === null) change.completed_at = new Date();
  change.total_time_seconds = [...states.values()].reduce((sum, s) => sum + s.totalSeconds, 0);
  change.last_seq = lastSeq;
  await repo.updateAttempt(tx, municipalityId, attempt.id, change);
  await recordScormCourseChange(tx, municipalityId, { personId: attempt.person_id, packageId: attempt.package_id, startedAt: attempt.started_at, firstCommit: attempt.last_seq === 0 }, courseBefore, course);
  if (ended && attempt.ended_at === null) await repo.endAttempt(tx, municipalityId, attempt.id, 'finished');
  const withIds = statements as { id: string }[];
  await repo.addToOutbox(tx, municipalityId, attempt.id, withIds);
  return { lastSeq, statements: withIds, ended, courseState };
}
