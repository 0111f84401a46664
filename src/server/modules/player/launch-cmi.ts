import type { ScormItem } from '../packages/manifest/scorm-manifest.types.js';
import { cmiTimespan } from './cmi-time.js';
import type { CmiJson } from './cmi.js';

// The SCORM 1.2 run-time data an LMS hands a SCO when it launches it: what the
// SCO stored last time (status, score, location, suspend data, interactions)
// plus the LMS's own elements (RTE 1.2 §3.4): who the learner is, whether this
// is a fresh start or a resumption, the time spent so far, and the item's
// manifest data. Session-only elements (exit, session_time) start empty.

export type ScoHistory = { sessions: number; lastExit: string; totalSeconds: number };

export function scorm12LaunchCmi(stored: CmiJson | null, item: ScormItem, learner: { id: string; name: string }, history: ScoHistory): CmiJson {
  const cmi = structuredClone(stored?.cmi ?? {}) as Record<string, any>;
  const core = (cmi.core ??= {}) as Record<string, unknown>;
  core.student_id = learner.id;
  core.student_name = learner.name;
  core.credit = 'credit';
  core.lesson_mode = 'normal';
  // RTE 1.2 cmi.core.entry: ab-initio the first time, resume after exit=suspend, empty otherwise.
  core.entry = history.sessions === 0 ? 'ab-initio' : history.lastExit === 'suspend' ? 'resume' : '';
  core.total_time = cmiTimespan(history.totalSeconds);
  delete core.exit;
  delete core.session_time;
  cmi.launch_data = item.dataFromLms ?? '';
  cmi.student_data = {
    mastery_score: item.masteryScore === undefined ? '' : String(item.masteryScore),
    max_time_allowed: item.maxTimeAllowed ?? '',
    time_limit_action: item.timeLimitAction ?? '',
  };
  return { cmi };
}

/** SCORM 1.2 names the learner "Family, Given" (RTE 1.2 cmi.core.student_name). */
export const scorm12LearnerName = (given: string, family: string) => `${family}, ${given}`;
