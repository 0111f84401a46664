// Delivery and attempts: UP.1 Limit Conditions Check, UP.5 Check Activity,
// NB.2.1 Jump (with its termination request) and UP.4 End Attempt.

import type { SaActivity, SaFlowTraversalService, SaTerminationHandler } from './internals.js';
import { prototypeOf, type MethodPatch } from './patch.js';
import type { ProbeInstances } from './probe.js';

/** UP.1 (both copies of the check) and UP.5. */
export function limitAndCheckActivityCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
    // UP.1 Limit Conditions Check Process, step 2: "If the Activity is Active
    // for the activity is True Or the Activity is Suspended for the activity
    // is True Then exit (Limit Condition Violated: False)". Limits only bar
    // beginning a new attempt; scorm-again 3.4.3 exempts a suspended activity
    // but not an active one, so the Delivery Request Process (DB.1.1) fails
    // with DB.1.1-3 when it passes an ancestor whose last allowed attempt is
    // in progress (ADL T-01a, T-01b, RU-07c). Two copies of the check exist:
    // RuleEvaluationEngine's (true = violated) and DeliveryValidator's
    // (true = within limits).
    {
      className: 'RuleEvaluationEngine',
      prototype: prototypeOf(instances.ruleEngine),
      method: 'checkLimitConditions',
      arity: 1,
      replacement: (original) =>
        function checkLimitConditions(this: unknown, activity: SaActivity): boolean {
          if (activity.isActive) return false;
          return (original as (this: unknown, activity: SaActivity) => boolean).call(this, activity);
        } as never,
    },
    {
      className: 'DeliveryValidator',
      prototype: prototypeOf(instances.deliveryValidator),
      method: 'checkLimitConditions',
      arity: 1,
      replacement: (original) =>
        function checkLimitConditions(this: unknown, activity: SaActivity): boolean {
          if (activity.isActive) return true;
          return (original as (this: unknown, activity: SaActivity) => boolean).call(this, activity);
        } as never,
    },
    // UP.5 Check Activity Process: an activity cannot be delivered when a
    // Disabled sequencing rule holds (UP.2 applied to the activity's
    // disabled rules only) or its limit conditions are violated (UP.1).
    // Skip rules belong to flow (SB.2.2 checks them on each candidate before
    // it calls UP.5). scorm-again 3.4.3 applies all precondition rules and
    // refuses a skipped activity, so the Choice Sequencing Request Process
    // (SB.2.9 step 8) refuses a target cluster with a skip rule (SB.2.9-5:
    // ADL CM-04b, CM-04c choose "Activity 11", which has "attempted →
    // skip"). Flow keeps skipping: scorm-again's Flow Activity Traversal
    // checks the skip rules itself before this process.
    {
      className: 'FlowTraversalService',
      prototype: prototypeOf(instances.traversalService),
      method: 'checkActivityProcess',
      arity: 1,
      replacement: () =>
        function checkActivityProcess(this: SaFlowTraversalService, activity: SaActivity): boolean {
          if (!activity.isAvailable) return false;
          if (this.ruleEngine.checkLimitConditions(activity)) return false;
          const disabledRules = activity.sequencingRules.preConditionRules.filter((rule) => rule.action === 'disabled');
          return this.ruleEngine.checkSequencingRules(this.getActivityForEvaluation(activity), disabledRules) !== 'disabled';
        } as never,
    },
  ];
}

/** NB.2.1, Jump. */
export function jumpCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
    // NB.2.1 Navigation Request Process, Jump: a valid Jump comes with the
    // termination request Exit for the current activity when it is active,
    // as Continue, Previous and Choice do, so TB.2.3 ends its attempt (UP.4)
    // before the Jump Sequencing Request Process (SB.2.13) runs, and DB.2
    // then begins a new attempt on every activity of the target's path that
    // is not active. scorm-again 3.4.3 gives a Jump no termination request:
    // a SCO's Jump to another activity ends the current attempt only through
    // DB.2's Terminate Descendent Attempts (after sequencing), and a Jump to
    // its own activity ends nothing, so no new attempt begins and the
    // delivery is skipped as "already delivered" (ADL CM-03a: activity_7
    // jumps to activity_7).
    {
      className: 'NavigationValidityService',
      prototype: prototypeOf(instances.navigationValidityService),
      method: 'validateJumpRequest',
      arity: 1,
      replacement: (original) =>
        function validateJumpRequest(
          this: { activityTree: { currentActivity: SaActivity | null } },
          targetActivityId: string | null,
        ): { valid: boolean; terminationRequest: string | null } {
          const result = (original as (this: unknown, target: string | null) => { valid: boolean; terminationRequest: string | null }).call(
            this,
            targetActivityId,
          );
          if (result.valid && result.terminationRequest === null && this.activityTree.currentActivity?.isActive) {
            result.terminationRequest = 'exit';
          }
          return result;
        } as never,
    },
  ];
}

/** UP.4. */
export function endAttemptCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
    // UP.4 End Attempt Process. Two deviations of scorm-again 3.4.3:
    //
    // - The last step, "Apply the Overall Rollup Process to the activity",
    //   with RB.1.5 rolls up every activity on the path from the activity to
    //   the root, the activity included. scorm-again starts its rollup at the
    //   parent, so a cluster whose attempt ends is not rolled up as an
    //   inactive activity: with measureSatisfactionIfActive = false its
    //   measure never decides its status (ADL MS-06). After scorm-again's own
    //   End Attempt, a cluster is rolled up again from itself (rolling up
    //   from a child starts at its parent).
    // - Step 1.1.1.1: the LMS completes a leaf's attempt only when the
    //   content has not set the progress. ADL's reference sequencer
    //   (ADLSequencer.endAttempt: "!getProgressStatus(false) &&
    //   !isPrimaryProgressSetBySCO()") reads a SCO that set
    //   cmi.completion_status, "unknown" included, as having set it, and
    //   the progress stays unknown. scorm-again completes the attempt
    //   whenever its progress is unknown, so a post-condition
    //   "activityProgressKnown → retry" redelivers the activity (ADL CM-06,
    //   RU-19b). Such an auto-completion is undone inside scorm-again's End
    //   Attempt, between the step that makes it and the writes of the
    //   objective maps that follow: undone afterwards, the completion would
    //   already have been written to a global objective and read from there
    //   into other activities, which keep it when the global's progress
    //   becomes unknown again (ADL CO-13a: activity_2 reads activity_1's
    //   primary objective and would not be skipped as "not progress
    //   known"). The rollup and the mappings then run on the unknown
    //   progress.
    {
      className: 'TerminationHandler',
      prototype: prototypeOf(instances.terminationHandler),
      method: 'endAttempt',
      arity: 1,
      replacement: (original) =>
        function endAttempt(this: SaTerminationHandler, activity: SaActivity): void {
          const endsClusterAttempt = activity.isActive && activity.children.length > 0;
          const contentSetProgress =
            activity.isActive && activity.children.length === 0 && this.getCMIData?.()?.completion_status_was_set === true;
          const run = () => (original as (this: unknown, activity: SaActivity) => void).call(this, activity);
          if (contentSetProgress) undoingAutoCompletion(this.rollupProcess, activity, run);
          else run();
          const [child] = activity.children;
          if (endsClusterAttempt && child) this.rollupProcess.overallRollupProcess(child, this.globalObjectiveMap);
        } as never,
    },
  ];
}

/**
 * Runs scorm-again's End Attempt for a leaf whose content set its progress,
 * undoing the auto-completion it makes before its first write of the
 * objective maps (syncTerminatedActivityObjectives, which 3.4.3's End
 * Attempt calls right after its completion steps), so nothing after sees it.
 */
function undoingAutoCompletion(rollupProcess: SaTerminationHandler['rollupProcess'], activity: SaActivity, run: () => void): void {
  // scorm-again sets this flag exactly when its End Attempt completes the attempt.
  activity.wasAutoCompleted = false;
  const own = rollupProcess as unknown as Record<string, unknown>;
  const write = rollupProcess.syncTerminatedActivityObjectives;
  own.syncTerminatedActivityObjectives = function (this: unknown, ...args: unknown[]): unknown {
    if (activity.wasAutoCompleted) {
      activity.wasAutoCompleted = false;
      activity.attemptProgressStatus = false;
      // The setter also makes the primary objective's progress unknown.
      activity.completionStatus = 'unknown';
    }
    return (write as (...args: unknown[]) => unknown).apply(this, args);
  };
  try {
    run();
  } finally {
    delete own.syncTerminatedActivityObjectives;
  }
}
