// The run-time data an LMS initializes for a SCO before it launches it
// (SCORM 2004 4th Ed. RTE 4.2), from the item's manifest data.
//
// scorm-again seeds cmi.objectives and cmi.completion_threshold from the
// sequencing definition itself; the values below are the LMS's part.

import type { Scorm2004API } from 'scorm-again';
import type { ScormItem } from '../../manifest/scorm-manifest.types.js';

// The SCORM 2004 data model (scorm-again exports the 1.2 one under the same name).
type Scorm2004Cmi = Scorm2004API['cmi'];

export interface LaunchLearner {
  id: string;
  name: string;
}

export type LaunchEntry = 'ab-initio' | 'resume' | '';

export interface LaunchData {
  learnerId: string;
  learnerName: string;
  entry: LaunchEntry;
  credit: 'credit' | 'no-credit';
  mode: 'normal' | 'browse' | 'review';
  launchData?: string;
  maxTimeAllowed?: string;
  timeLimitAction?: string;
  scaledPassingScore?: string;
  completionThreshold?: string;
}

export function launchData(item: ScormItem, learner: LaunchLearner, entry: LaunchEntry): LaunchData {
  const data: LaunchData = { learnerId: learner.id, learnerName: learner.name, entry, credit: 'credit', mode: 'normal' };
  if (item.dataFromLms !== undefined) data.launchData = item.dataFromLms;
  const maxTime = item.sequencing?.limitConditions.attemptAbsoluteDurationLimit;
  if (maxTime) data.maxTimeAllowed = maxTime;
  if (item.timeLimitAction) data.timeLimitAction = item.timeLimitAction;
  // RTE 4.2.21: the passing score is the primary objective's minimum normalized
  // measure, and only when that objective is satisfied by measure.
  const primary = item.sequencing?.objectives.primary;
  if (primary?.satisfiedByMeasure) data.scaledPassingScore = String(primary.minNormalizedMeasure);
  if (item.completionThreshold?.completedByMeasure) {
    data.completionThreshold = String(item.completionThreshold.minProgressMeasure);
  }
  return data;
}

/** Writes launch data into a CMI model that the SCO has not initialized yet. */
export function applyLaunchData(cmi: Scorm2004Cmi, data: LaunchData): void {
  cmi.learner_id = data.learnerId;
  cmi.learner_name = data.learnerName;
  cmi.entry = data.entry;
  cmi.credit = data.credit;
  cmi.mode = data.mode;
  // scorm-again keeps the values of the previous SCO until told otherwise.
  cmi.launch_data = data.launchData ?? '';
  cmi.max_time_allowed = data.maxTimeAllowed ?? '';
  cmi.time_limit_action = data.timeLimitAction ?? 'continue,no message';
  cmi.scaled_passing_score = data.scaledPassingScore ?? '';
  if (data.completionThreshold !== undefined) cmi.completion_threshold = data.completionThreshold;
}
