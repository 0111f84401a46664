// Completion and progress: completed by measure, the SCO's progress handed
// to sequencing (RTE → SN), and the unknown progress of an untracked activity.

import type { CompletionStatus, SaActivity, SaCmiTransferData, SaSequencingService } from './internals.js';
import { prototypeOf, type MethodPatch } from './patch.js';
import type { ProbeInstances } from './probe.js';

/** Completed by measure (two places) and the RTE → SN transfer of the primary objective. */
export function completionCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
    // Completed by measure (SN 4th Ed. completion threshold, applied by
    // RB.1.3.a Activity Progress Rollup Using Measure): an activity with
    // completedByMeasure = true is completed exactly when its progress
    // measure is known and at least minProgressMeasure, incomplete when it is
    // known and below. scorm-again 3.4.3 copies a primary objective's
    // completion status and progress measure into the activity
    // (Activity.setPrimaryObjectiveState, used when a global objective is
    // read through adlseq:mapInfo and when the SCO's primary objective data
    // is transferred) without that comparison, so a progress measure of 0.8
    // read from a global objective leaves an activity with threshold 0.5
    // "incomplete" and its "completed → skip" rule does not fire (ADL CO-02a).
    // The comparison decides the activity's attempt only: the primary
    // objective keeps the completion status it read, so that delivering the
    // reader does not write its own verdict back to the global objective
    // (ADL CO-10: activity_2, threshold 0.15, reads 0.2 and "incomplete" from
    // activity_1, threshold 0.4, and its content must see "incomplete").
    {
      className: 'Activity',
      prototype: prototypeOf(instances.activity),
      method: 'setPrimaryObjectiveState',
      arity: 6,
      replacement: (original) =>
        function setPrimaryObjectiveState(this: SaActivity, ...args: unknown[]): void {
          (original as (this: unknown, ...args: unknown[]) => void).apply(this, args);
          applyCompletedByMeasure(this, 'attempt');
        } as never,
    },
    // The same comparison when the SCO's data is transferred at the end of
    // its attempt (UP.4 step 1): there the activity's own completion status
    // is the primary objective's, which its objective maps write
    // (writeCompletionStatus). scorm-again 3.4.3 compares only when the SCO
    // set cmi.progress_measure, and not for the progress measure of the
    // primary objective's cmi.objectives entry, after which End Attempt
    // completes the attempt whose progress it finds unknown (ADL CO-10:
    // activity_1 sets the entry's progress measure 0.2 below its threshold
    // 0.4, and wrote "completed").
    {
      className: 'RteDataTransferService',
      prototype: prototypeOf(instances.rteDataTransfer),
      method: 'transferRteData',
      arity: 1,
      replacement: (original) =>
        function transferRteData(this: unknown, activity: SaActivity): void {
          (original as (this: unknown, activity: SaActivity) => void).call(this, activity);
          applyCompletedByMeasure(activity, 'attemptAndPrimaryObjective');
        } as never,
    },
    // RTE → sequencing data for the primary objective: what the SCO set in
    // this session through cmi.completion_status or cmi.progress_measure is
    // the primary objective's progress; its cmi.objectives entry (the same
    // objective seen from the objectives collection) does not override it.
    // ADL's reference LMS keeps the progress unknown when the SCO set
    // cmi.completion_status "unknown" and the entry's completion status
    // "completed" (ADL CO-13a), and transfers cmi.progress_measure 0.39 set
    // in this session over the entry's 0.3 left from the session before
    // (ADL CO-10, Act2V2). scorm-again 3.4.3 lets the entry win when the SCO
    // set it, and always for the progress measure. A value only restored
    // from an earlier session (cmi.exit "suspend") does not take precedence:
    // the entry set in this session does (ADL CO-10, Act2V3).
    {
      className: 'SequencingService',
      prototype: prototypeOf(instances.sequencingService),
      method: 'getCMIDataForTransfer',
      arity: 0,
      replacement: (original) =>
        function getCMIDataForTransfer(this: SaSequencingService): SaCmiTransferData {
          const data = (original as (this: unknown) => SaCmiTransferData).call(this);
          const primaryId = this.sequencing.getCurrentActivity()?.primaryObjective?.id;
          const entry = primaryId ? data.objectives.find((objective) => objective.id === primaryId) : undefined;
          if (!entry) return data;
          if (data.completion_status_was_set === true) {
            entry.completion_status = 'unknown';
            entry.completion_status_was_set = false;
          }
          if (this.configuration.wasCMIElementSetByContent?.('cmi.progress_measure') === true) entry.progress_measure = '';
          return data;
        } as never,
    },
  ];
}

/** UP.2.1 on an untracked activity. */
export function untrackedProgressCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
    // Sequencing rule conditions on an untracked activity (SN 4th Ed. 4.2:
    // no tracking information is kept for an activity with Tracked = False,
    // so its progress, like its objective, is unknown to rule evaluation in
    // UP.2.1 Sequencing Rule Check Subprocess). scorm-again 3.4.3 makes the
    // objective conditions Unknown for such an activity but still evaluates
    // the progress conditions on whatever status it read, so an untracked
    // cluster that reads a completion from a global objective is skipped by
    // "activityProgressKnown → skip" (ADL CO-05a, CO-05b).
    {
      className: 'RuleCondition',
      prototype: prototypeOf(instances.ruleCondition),
      method: 'evaluate',
      arity: 1,
      replacement: (original) =>
        function evaluate(this: { condition: string }, activity: SaActivity): boolean | 'unknown' {
          if (activity.sequencingControls?.tracked === false && PROGRESS_CONDITIONS.has(this.condition)) return 'unknown';
          return (original as (this: unknown, activity: SaActivity) => boolean | 'unknown').call(this, activity);
        } as never,
    },
  ];
}

const PROGRESS_CONDITIONS = new Set(['completed', 'activityCompleted', 'progressKnown', 'activityProgressKnown']);

/**
 * The completion status a known progress measure gives an activity completed
 * by measure: for its attempt only, or (at the end of the attempt) also for
 * its primary objective, which scorm-again's completionStatus setter updates.
 */
export function applyCompletedByMeasure(activity: SaActivity, scope: 'attempt' | 'attemptAndPrimaryObjective'): void {
  if (!activity.completedByMeasure) return;
  const completion = !activity.progressMeasureStatus
    ? 'unknown'
    : activity.progressMeasure >= activity.minProgressMeasure
      ? 'completed'
      : 'incomplete';
  if (scope === 'attemptAndPrimaryObjective') {
    // Also when the attempt has it already: the setter updates the objective.
    activity.completionStatus = completion;
  } else {
    // The setter's own two fields, without its update of the primary objective.
    const fields = activity as unknown as { _completionStatus: CompletionStatus; _isCompleted: boolean };
    fields._completionStatus = completion;
    fields._isCompleted = completion === 'completed';
  }
  // RB.1.3.a: a known measure makes the attempt's progress known (Attempt
  // Progress Status), so End Attempt (UP.4) does not complete it for the
  // content.
  activity.attemptProgressStatus = completion !== 'unknown';
}
