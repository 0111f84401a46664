// Builds scorm-again's sequencing configuration (activity tree, rules,
// objectives…) from our parsed manifest.
//
// The parsed manifest already carries the *effective* sequencing of every
// item (defaults applied, sequencingCollection references merged), so this
// is a plain field-by-field translation into scorm-again's ActivitySettings.
// No Node-only API: the browser player builds its tree with this too.

import type { Settings } from 'scorm-again';
import { defaultOrganizationOf } from '../../manifest/default-organization.js';
import type {
  AdlObjective,
  ObjectiveDefinition,
  ObjectiveMapInfo,
  RollupCondition,
  RuleCondition,
  ScormItem,
  ScormManifest,
  ScormOrganization,
  SequencingDefinition,
  SequencingRule,
} from '../../manifest/scorm-manifest.types.js';

// scorm-again does not export these from its package root.
export type SequencingSettings = NonNullable<Settings['sequencing']>;
export type ActivitySettings = NonNullable<SequencingSettings['activityTree']>;
type ObjectiveSettings = NonNullable<ActivitySettings['objectives']>[number];
type ObjectiveMapInfoSettings = NonNullable<ObjectiveSettings['mapInfo']>[number];
type SequencingRuleSettings = NonNullable<NonNullable<ActivitySettings['sequencingRules']>['preConditionRules']>[number];
type SequencingControls = NonNullable<ActivitySettings['sequencingControls']>;
type RollupRuleSettings = NonNullable<ActivitySettings['rollupRules']>['rules'][number];

export class SequencingAdapterError extends Error {
  override name = 'SequencingAdapterError';
}

/** The organization the learner takes: the manifest's default one. */
export function defaultOrganization(manifest: ScormManifest): ScormOrganization {
  const organization = defaultOrganizationOf(manifest);
  if (!organization) throw new SequencingAdapterError('The manifest has no organization');
  if (manifest.version === 'scorm12') throw new SequencingAdapterError('SCORM 1.2 packages have no sequencing');
  return organization;
}

/**
 * The activity tree of an organization: its root is the organization itself,
 * every item below it an activity with the item's identifier as id.
 */
export function buildActivityTree(organization: ScormOrganization): ActivitySettings {
  return {
    ...activityFromSequencing(organization.identifier, organization.title, organization.sequencing, true),
    ...(organization.completionThreshold ? { completionThreshold: { ...organization.completionThreshold } } : {}),
    children: organization.items.map(activityFromItem),
  };
}

export function buildSequencingSettings(organization: ScormOrganization): SequencingSettings {
  return { activityTree: buildActivityTree(organization) };
}

function activityFromItem(item: ScormItem): ActivitySettings {
  const activity: ActivitySettings = {
    ...activityFromSequencing(item.identifier, item.title, item.sequencing, item.children.length > 0),
    isVisible: item.isVisible,
  };
  if (item.completionThreshold) activity.completionThreshold = { ...item.completionThreshold };
  if (item.timeLimitAction) activity.timeLimitAction = item.timeLimitAction;
  if (item.presentation?.hideLmsUi.length) activity.hideLmsUi = [...item.presentation.hideLmsUi];
  if (item.sharedData.length) {
    activity.sharedDataMaps = item.sharedData.map((map) => ({
      targetID: map.targetId,
      readSharedData: map.readSharedData,
      writeSharedData: map.writeSharedData,
    }));
  }
  if (item.children.length) activity.children = item.children.map(activityFromItem);
  return activity;
}

function activityFromSequencing(
  id: string,
  title: string,
  sequencing: SequencingDefinition | undefined,
  isCluster: boolean,
): ActivitySettings {
  const activity: ActivitySettings = { id, title: title.trim() };
  if (!sequencing) return activity;
  const { controlMode, constrainedChoiceConsiderations: constrained, rollupRules, randomizationControls } = sequencing;

  activity.sequencingControls = {
    choice: controlMode.choice,
    choiceExit: controlMode.choiceExit,
    flow: controlMode.flow,
    forwardOnly: controlMode.forwardOnly,
    useCurrentAttemptObjectiveInfo: controlMode.useCurrentAttemptObjectiveInfo,
    useCurrentAttemptProgressInfo: controlMode.useCurrentAttemptProgressInfo,
    preventActivation: constrained.preventActivation,
    constrainChoice: constrained.constrainChoice,
    rollupObjectiveSatisfied: rollupRules.rollupObjectiveSatisfied,
    rollupProgressCompletion: rollupRules.rollupProgressCompletion,
    objectiveMeasureWeight: rollupRules.objectiveMeasureWeight,
    selectionTiming: randomizationControls.selectionTiming as SequencingControls['selectionTiming'],
    selectCount: randomizationControls.selectCount ?? null,
    randomizationTiming: randomizationControls.randomizationTiming as SequencingControls['randomizationTiming'],
    randomizeChildren: randomizationControls.reorderChildren,
    reorderChildren: randomizationControls.reorderChildren,
  };
  activity.deliveryControls = { ...sequencing.deliveryControls };
  activity.rollupConsiderations = { ...sequencing.rollupConsiderations };

  const { preConditionRules, exitConditionRules, postConditionRules } = sequencing.sequencingRules;
  activity.sequencingRules = {
    preConditionRules: preConditionRules.map(sequencingRule),
    exitConditionRules: exitConditionRules.map(sequencingRule),
    postConditionRules: postConditionRules.map(sequencingRule),
  };
  activity.rollupRules = {
    rules: rollupRules.rules.map(
      (rule): RollupRuleSettings => ({
        action: rule.action as RollupRuleSettings['action'],
        consideration: rule.childActivitySet as RollupRuleSettings['consideration'],
        minimumCount: rule.minimumCount,
        // imsss:minimumPercent is a fraction (0..1); scorm-again compares the
        // share of contributing children in percent (0..100) against it.
        minimumPercent: rule.minimumPercent * 100,
        conditionCombination: rule.conditionCombination as RollupRuleSettings['conditionCombination'],
        conditions: rule.conditions.map(rollupCondition),
      }),
    ),
  };

  const limits = sequencing.limitConditions;
  if (limits.attemptLimit) activity.attemptLimit = limits.attemptLimit;
  // Duration limits stay out of scorm-again (3.4.3): its Activity reads the
  // elapsed duration through an alias of the limit itself, so the Limit
  // Conditions Check finds every duration limit exceeded before the first
  // attempt and the activity can never be delivered. The attempt limit
  // reaches the SCO as cmi.max_time_allowed (launch-data.ts), which is what
  // SCORM requires of an LMS for it.
  if (limits.beginTimeLimit) activity.beginTimeLimit = limits.beginTimeLimit;
  if (limits.endTimeLimit) activity.endTimeLimit = limits.endTimeLimit;

  const { primary, secondary } = sequencing.objectives;
  // scorm-again drops an objective without an id, and with it a cluster's
  // "satisfied by measure" (ADL MS-05a: a cluster's primary objective with
  // only a minimum normalized measure). A cluster's objectives never reach a
  // SCO's cmi.objectives, so it gets an id of ours; a SCO's primary objective
  // without an id stays out (RTE: cmi.objectives lists identified ones only),
  // its passing score reaches the SCO as cmi.scaled_passing_score.
  const primaryId = primary?.objectiveId ?? (primary && isCluster ? `${UNNAMED_PRIMARY_OBJECTIVE}${id}` : undefined);
  if (primary && primaryId) activity.primaryObjective = objective(primary, primaryId, true, sequencing.adlObjectives);
  activity.objectives = secondary.map((definition) =>
    objective(definition, definition.objectiveId ?? '', false, sequencing.adlObjectives),
  );
  return activity;
}

/** The id given to a cluster's primary objective that the manifest leaves unnamed. */
export const UNNAMED_PRIMARY_OBJECTIVE = 'mestring-unnamed-primary:';

function sequencingRule(rule: SequencingRule): SequencingRuleSettings {
  return {
    action: rule.action as SequencingRuleSettings['action'],
    conditionCombination: rule.conditionCombination,
    conditions: rule.conditions.map((condition: RuleCondition) => ({
      condition: condition.condition as SequencingRuleSettings['conditions'][number]['condition'],
      ...(condition.operator === 'not' ? { operator: 'not' as SequencingRuleSettings['conditions'][number]['operator'] } : {}),
      ...(condition.referencedObjective ? { referencedObjective: condition.referencedObjective } : {}),
      parameters: { threshold: condition.measureThreshold },
    })),
  };
}

// scorm-again names the IMS "activityProgressKnown" rollup condition "progressKnown".
const ROLLUP_CONDITION_NAMES: Partial<Record<RollupCondition['condition'], string>> = {
  activityProgressKnown: 'progressKnown',
};

function rollupCondition(condition: RollupCondition): RollupRuleSettings['conditions'][number] {
  return {
    condition: (ROLLUP_CONDITION_NAMES[condition.condition] ?? condition.condition) as RollupRuleSettings['conditions'][number]['condition'],
    operator: condition.operator as RollupRuleSettings['conditions'][number]['operator'],
  };
}

function objective(
  definition: ObjectiveDefinition,
  objectiveId: string,
  isPrimary: boolean,
  adlObjectives: AdlObjective[],
): ObjectiveSettings {
  const adl = adlObjectives.find((candidate) => candidate.objectiveId === objectiveId);
  const mapInfo: ObjectiveMapInfoSettings[] = definition.mapInfo.map((map) => imsMapInfo(map));
  // adlseq:objectives extends the imsss maps of the same objective with
  // score, completion and progress maps (4th ed.); a target the imsss maps do
  // not name is a map of its own.
  for (const adlMap of adl?.mapInfo ?? []) {
    const { targetObjectiveId, ...flags } = adlMap;
    const existing = mapInfo.find((map) => map.targetObjectiveID === targetObjectiveId);
    if (existing) Object.assign(existing, flags);
    else mapInfo.push({ targetObjectiveID: targetObjectiveId, readSatisfiedStatus: false, readNormalizedMeasure: false, ...flags });
  }
  return {
    objectiveID: objectiveId,
    isPrimary,
    satisfiedByMeasure: definition.satisfiedByMeasure,
    minNormalizedMeasure: definition.minNormalizedMeasure,
    mapInfo,
  };
}

function imsMapInfo(map: ObjectiveMapInfo): ObjectiveMapInfoSettings {
  return {
    targetObjectiveID: map.targetObjectiveId,
    readSatisfiedStatus: map.readSatisfiedStatus,
    readNormalizedMeasure: map.readNormalizedMeasure,
    writeSatisfiedStatus: map.writeSatisfiedStatus,
    writeNormalizedMeasure: map.writeNormalizedMeasure,
    // The imsss map alone grants no completion, progress or score access.
    readCompletionStatus: false,
    writeCompletionStatus: false,
    readProgressMeasure: false,
    writeProgressMeasure: false,
    readRawScore: false,
    writeRawScore: false,
    readMinScore: false,
    writeMinScore: false,
    readMaxScore: false,
    writeMaxScore: false,
  };
}
