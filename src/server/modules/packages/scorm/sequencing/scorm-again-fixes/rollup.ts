// Rollup: RB.1.1 Measure, RB.1.2 Objective, RB.1.3 Activity Progress,
// RB.1.4 Rollup Rule Check (rollup-rules.ts) and RB.1.4.2 Check Child for Rollup.

import type {
  SaActivity,
  SaMeasureRollupProcessor,
  SaObjectiveRollupProcessor,
  SaProgressRollupProcessor,
  SaRollupRule,
  SaRollupRuleEvaluator,
} from './internals.js';
import { prototypeOf, type MethodPatch } from './patch.js';
import type { ProbeInstances } from './probe.js';
import { rollupRuleHolds } from './rollup-rules.js';

/** RB.1.4, RB.1.4.2, RB.1.3, RB.1.1 and RB.1.2. */
export function rollupCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
    // RB.1.4 Rollup Rule Check Subprocess with RB.1.4.1 Evaluate Rollup
    // Conditions Subprocess: a condition on a child is True, False or Unknown
    // (e.g. "satisfied" while the child's objective status is unknown), the
    // child's result goes into the contributing-children bag as such, and
    // "None" holds only when the bag holds only False, "All" only when it
    // holds only True. scorm-again 3.4.3 evaluates conditions as booleans, so
    // an unknown child counts as False and "none …" rules hold before the
    // children are known (ADL RU-05a, RU-05b). Counting follows ADL's
    // reference sequencer (SeqRollupRule): an empty bag satisfies "All"
    // (ADL RU-11: every child untracked), a bag of only Unknown satisfies
    // neither "All" nor the count and percent sets.
    {
      className: 'RollupRuleEvaluator',
      prototype: prototypeOf(instances.ruleEvaluator),
      method: 'evaluateRollupRule',
      arity: 2,
      replacement: () =>
        function evaluateRollupRule(this: SaRollupRuleEvaluator, activity: SaActivity, rule: SaRollupRule): boolean {
          return rollupRuleHolds(this.childFilter, activity, rule);
        } as never,
    },
    // RB.1.4.2 Check Child for Rollup Subprocess: a child whose Required For
    // (Satisfied, Not Satisfied, Completed, Incomplete) is ifNotSkipped is
    // left out when "the Sequencing Rules Check Process applied to the
    // activity and its Skipped sequencing rules" returns an action, i.e.
    // when its skip rules hold now. scorm-again 3.4.3 reads a flag its flow
    // traversal left instead (whether the child was skipped when a flow last
    // passed it), so a posttest that becomes satisfied by measure, and so
    // skipped by its "satisfied → skip" rule, still counts as not completed
    // for its module, whose "completed → exit" rule then does not end it
    // (ADL T-01b: after activity_14 the module is left, activity_15 is not
    // delivered). The flag is set from the rules for the length of the check.
    {
      className: 'RollupChildFilter',
      prototype: prototypeOf((instances.ruleEvaluator as unknown as SaRollupRuleEvaluator).childFilter),
      method: 'checkChildForRollupSubprocess',
      arity: 3,
      replacement: (original) =>
        function checkChildForRollupSubprocess(this: unknown, child: SaActivity, ...rest: unknown[]): boolean {
          const flowFlag = child.wasSkipped;
          child.wasSkipped = child.sequencingRules.preConditionRules.some(
            (rule) => rule.action === 'skip' && rule.evaluate(child) === true,
          );
          try {
            return (original as (this: unknown, ...args: unknown[]) => boolean).call(this, child, ...rest);
          } finally {
            child.wasSkipped = flowFlag;
          }
        } as never,
    },
    // RB.1.3 Activity Progress Rollup Process: after RB.1.3.a (completed by
    // measure), the Rollup Rule Check Subprocess (RB.1.4) with the
    // activity's Incomplete rules, then with its Completed rules, each
    // setting the attempt's progress when it holds. An activity without
    // progress rollup rules has the SN's default ones, as ADL's reference
    // sequencer creates them (SeqRollupRuleset): "completed if all
    // (contributing) children completed", "incomplete if all children's
    // progress is known", each through RB.1.4 with its own Check Child for
    // Rollup (RB.1.4.2). scorm-again 3.4.3's default instead keeps only
    // the children that contribute to both actions and makes the activity
    // incomplete when none does, so a module whose pretest counts only "if
    // attempted" and whose posttest counts only "if not skipped" is never
    // completed and its "completed → exit" rule never fires (ADL T-01b).
    // Its rollup also leaves a cluster's Attempt Progress Status false, so
    // an "if attempted" parent leaves the cluster out.
    {
      className: 'ProgressRollupProcessor',
      prototype: prototypeOf(instances.progressProcessor),
      method: 'activityProgressRollupProcess',
      arity: 1,
      replacement: () =>
        function activityProgressRollupProcess(this: SaProgressRollupProcessor, activity: SaActivity): void {
          rollUpProgress(this, activity);
        } as never,
    },
    // RB.1.1 Measure Rollup Process: every tracked child adds its Rollup
    // Objective Measure Weight to the counted measures, whether its measure
    // is known or not; only the known measures add to the weighted total. The
    // rolled-up measure is total / counted. scorm-again 3.4.3 divides by the
    // weights of the children with a known measure only, and adjusts each
    // weight by heuristics of its own (completion, attempts, thresholds), so
    // a cluster with one scored child gets that child's measure (ADL MS-05a:
    // 1.0 instead of 1 / 2.25).
    {
      className: 'MeasureRollupProcessor',
      prototype: prototypeOf(instances.measureProcessor),
      method: 'measureRollupProcess',
      arity: 1,
      replacement: () =>
        function measureRollupProcess(this: SaMeasureRollupProcessor, activity: SaActivity): SaActivity[] {
          return rollUpMeasure(this, activity);
        } as never,
    },
    // RB.1.2 Objective Rollup Process: an activity whose primary objective
    // is satisfied by measure takes its status from its rolled-up measure
    // only (RB.1.2.a; unknown while the measure is unknown); otherwise, when
    // it defines satisfied or not-satisfied rollup rules, from those rules
    // only (RB.1.2.b: no rule holding means no change); the default rules
    // apply only to an activity that defines neither (the SN's default
    // rollup rules; ADL's SeqRollupRuleset creates them only then).
    // scorm-again 3.4.3 evaluates the rules before the measure and falls back
    // to its default rollup whenever no defined rule holds, so a cluster with
    // "satisfied if none completed" becomes satisfied because all its
    // children are (ADL RU-05b).
    {
      className: 'ObjectiveRollupProcessor',
      prototype: prototypeOf(instances.objectiveProcessor),
      method: 'objectiveRollupProcess',
      arity: 1,
      replacement: () =>
        function objectiveRollupProcess(this: SaObjectiveRollupProcessor, activity: SaActivity): void {
          rollUpObjective(this, activity);
        } as never,
    },
  ];
}

// ---------------------------------------------------------------------------
// RB.1.2

function rollUpObjective(processor: SaObjectiveRollupProcessor, activity: SaActivity): void {
  if (activity.primaryObjective?.satisfiedByMeasure) {
    // RB.1.2.a; scorm-again keeps the primary objective's minimum normalized
    // measure as the activity's scaledPassingScore.
    const usable =
      activity.objectiveMeasureStatus &&
      activity.scaledPassingScore !== null &&
      (!activity.isActive || activity.rollupConsiderations.measureSatisfactionIfActive);
    if (usable) activity.objectiveSatisfiedStatus = activity.objectiveNormalizedMeasure >= activity.scaledPassingScore!;
    else activity.objectiveSatisfiedStatusKnown = false;
    processor.syncPrimaryObjectiveFromActivity(activity);
    return;
  }
  const rules = activity.rollupRules.rules;
  const status = rules.some((rule) => rule.action === 'satisfied' || rule.action === 'notSatisfied')
    ? processor.objectiveRollupUsingRules(activity, rules)
    : processor.objectiveRollupUsingDefault(activity);
  if (status === null) return;
  activity.objectiveSatisfiedStatus = status;
  processor.syncPrimaryObjectiveFromActivity(activity);
}

// ---------------------------------------------------------------------------
// RB.1.3

function rollUpProgress(processor: SaProgressRollupProcessor, activity: SaActivity): void {
  if (processor.activityProgressRollupUsingMeasure(activity)) return;
  const defined = activity.rollupRules.rules.filter((rule) => rule.action === 'completed' || rule.action === 'incomplete');
  const rules = defined.length > 0 ? defined : DEFAULT_PROGRESS_RULES;
  const holds = (action: string) =>
    rules.some((rule) => rule.action === action && rollupRuleHolds(processor.childFilter, activity, rule));
  // Incomplete first, then Completed, so Completed wins when both hold.
  let status: 'completed' | 'incomplete' | null = holds('incomplete') ? 'incomplete' : null;
  if (holds('completed')) status = 'completed';
  if (status === null) return;
  activity.attemptProgressStatus = true;
  activity.completionStatus = status;
  processor.objectiveProcessor.syncPrimaryObjectiveFromActivity(activity);
}

function defaultRule(action: string, condition: string): SaRollupRule {
  return {
    action,
    consideration: 'all',
    minimumCount: 0,
    minimumPercent: 0,
    conditionCombination: 'all',
    conditions: [
      {
        condition,
        operator: 'noOp',
        parameters: new Map(),
        // Never reached: rollupConditionValue knows both conditions.
        evaluate: () => false,
      },
    ],
  };
}

/** The SN's default progress rollup rules (ADL SeqRollupRuleset). */
const DEFAULT_PROGRESS_RULES: readonly SaRollupRule[] = [defaultRule('completed', 'completed'), defaultRule('incomplete', 'progressKnown')];

// ---------------------------------------------------------------------------
// RB.1.1

function rollUpMeasure(processor: SaMeasureRollupProcessor, activity: SaActivity): SaActivity[] {
  const children = activity.getAvailableChildren();
  if (children.length === 0) return [];
  let totalWeightedMeasure = 0;
  let countedMeasures = 0;
  let validData = false;
  const measured: SaActivity[] = [];
  for (const child of children) {
    if (child.sequencingControls.tracked === false) continue;
    const weight = child.sequencingControls.objectiveMeasureWeight;
    countedMeasures += weight;
    const known = child.objectiveMeasureStatus && child.objectiveInfoAvailableInCurrentParentAttempt !== false;
    if (known) {
      validData = true;
      totalWeightedMeasure += child.objectiveNormalizedMeasure * weight;
      measured.push(child);
    }
  }
  if (!validData || countedMeasures <= 0) {
    activity.objectiveMeasureStatus = false;
    return [];
  }
  activity.objectiveNormalizedMeasure = totalWeightedMeasure / countedMeasures;
  activity.objectiveMeasureStatus = true;
  // scorm-again's caller runs its cross-cluster pass over these, as 3.4.3 returns them.
  return processor.identifyActivityClusters(measured);
}
