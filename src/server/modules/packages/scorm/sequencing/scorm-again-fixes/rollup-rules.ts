// RB.1.4 Rollup Rule Check Subprocess and RB.1.4.1 Evaluate Rollup
// Conditions Subprocess, with True, False and Unknown (rollup.ts installs it).

import type { SaActivity, SaChildFilter, SaRollupCondition, SaRollupRule } from './internals.js';

type Tristate = 'true' | 'false' | 'unknown';

export function rollupRuleHolds(childFilter: SaChildFilter, activity: SaActivity, rule: SaRollupRule): boolean {
  const subprocess = ROLLUP_ACTION_CHECK[rule.action];
  const bag: Tristate[] = [];
  for (const child of activity.getAvailableChildren()) {
    // RB.1.4 step 1.2.2.1: untracked children do not contribute; RB.1.4.2
    // (scorm-again's Check Child For Rollup Subprocess) decides the rest.
    if (child.sequencingControls.tracked === false) continue;
    if (subprocess && !childFilter.checkChildForRollupSubprocess(child, subprocess.type, subprocess.action)) continue;
    bag.push(rollupConditionsResult(child, rule));
  }
  const trues = bag.filter((value) => value === 'true').length;
  const onlyUnknown = bag.length > 0 && bag.every((value) => value === 'unknown');
  switch (rule.consideration) {
    case 'all':
      return bag.every((value) => value === 'true') && !onlyUnknown;
    case 'any':
      return trues > 0;
    case 'none':
      return bag.every((value) => value === 'false');
    case 'atLeastCount':
      return !onlyUnknown && bag.length > 0 && trues >= rule.minimumCount;
    case 'atLeastPercent':
      return !onlyUnknown && bag.length > 0 && trues >= Math.floor((rule.minimumPercent / 100) * bag.length + 0.5);
    default:
      return false;
  }
}

const ROLLUP_ACTION_CHECK: Record<string, { type: string; action: string }> = {
  satisfied: { type: 'objective', action: 'satisfied' },
  notSatisfied: { type: 'objective', action: 'notSatisfied' },
  completed: { type: 'progress', action: 'completed' },
  incomplete: { type: 'progress', action: 'incomplete' },
};

/** RB.1.4.1: the rule's conditions combined ("all" / "any") over one child. */
function rollupConditionsResult(child: SaActivity, rule: SaRollupRule): Tristate {
  if (rule.conditions.length === 0) return 'true';
  const results = rule.conditions.map((condition) => rollupConditionResult(child, condition));
  if (rule.conditionCombination === 'any') {
    if (results.includes('true')) return 'true';
    return results.includes('unknown') ? 'unknown' : 'false';
  }
  if (results.includes('false')) return 'false';
  return results.includes('unknown') ? 'unknown' : 'true';
}

function rollupConditionResult(child: SaActivity, condition: SaRollupCondition): Tristate {
  const value = rollupConditionValue(child, condition);
  if (value === 'unknown' || condition.operator !== 'not') return value;
  return value === 'true' ? 'false' : 'true';
}

/** One rollup condition on one child, before its operator. */
function rollupConditionValue(child: SaActivity, condition: SaRollupCondition): Tristate {
  const objectiveAvailable = child.objectiveInfoAvailableInCurrentParentAttempt !== false;
  const progressAvailable = child.progressInfoAvailableInCurrentParentAttempt !== false;
  const threshold = Number(condition.parameters.get('threshold') ?? 0);
  switch (condition.condition) {
    case 'satisfied': {
      if (!objectiveAvailable) return 'unknown';
      if (child.objectiveSatisfiedStatusKnown) return fromBoolean(child.objectiveSatisfiedStatus);
      if (child.successStatus === 'passed') return 'true';
      if (child.successStatus === 'failed') return 'false';
      return 'unknown';
    }
    case 'objectiveStatusKnown':
      return fromBoolean(objectiveAvailable && child.objectiveSatisfiedStatusKnown);
    case 'objectiveMeasureKnown':
      return fromBoolean(objectiveAvailable && child.objectiveMeasureStatus);
    case 'objectiveMeasureGreaterThan':
      if (!objectiveAvailable || !child.objectiveMeasureStatus) return 'unknown';
      return fromBoolean(child.objectiveNormalizedMeasure > threshold);
    case 'objectiveMeasureLessThan':
      if (!objectiveAvailable || !child.objectiveMeasureStatus) return 'unknown';
      return fromBoolean(child.objectiveNormalizedMeasure < threshold);
    case 'completed':
      if (!progressAvailable || child.completionStatus === 'unknown') return 'unknown';
      return fromBoolean(child.isCompleted || child.completionStatus === 'completed');
    case 'progressKnown':
      return fromBoolean(progressAvailable && child.completionStatus !== 'unknown');
    case 'attempted':
      return fromBoolean(progressAvailable && child.attemptCount > 0);
    case 'attemptLimitExceeded':
      return fromBoolean(child.hasAttemptLimitExceeded());
    case 'never':
      return 'false';
    case 'always':
      return 'true';
    default: {
      // Conditions that are never unknown (time limits…): scorm-again's own
      // evaluation, without its operator (applied by the caller).
      const raw = condition.evaluate(child);
      return fromBoolean(condition.operator === 'not' ? !raw : raw);
    }
  }
}

function fromBoolean(value: boolean): Tristate {
  return value ? 'true' : 'false';
}
