import { reject } from '../package-rejection.js';
import { readBoolean, readDateTime, readDecimal, readDuration, readEnum, readNonNegativeInteger, type ValueSite } from './manifest-values.js';
import type {
  AdlObjective,
  ChildActivitySet,
  ConditionCombination,
  ConditionOperator,
  ExitConditionAction,
  ObjectiveDefinition,
  PostConditionAction,
  PreConditionAction,
  RandomizationTiming,
  RollupAction,
  RollupConditionName,
  RollupConsideration,
  SequencingDefinition,
  SequencingRule,
  SequencingRuleAction,
  SequencingRuleConditionName,
} from './scorm-manifest.types.js';
import { attr, childOf, childrenOf, type XmlElement } from './xml.js';

// imsss:sequencing (IMS Simple Sequencing 1.0 as profiled by SCORM 2004) and
// the ADL extensions. Parsed into a *partial* definition (only the child
// elements written) so that a local definition can be laid over one from the
// sequencingCollection element by element, then completed with the defaults.

export const IMSSS_NS = 'http://www.imsglobal.org/xsd/imsss';
export const ADLSEQ_NS = 'http://www.adlnet.org/xsd/adlseq_v1p3';

export type PartialSequencing = Partial<SequencingDefinition>;

const CONDITIONS: readonly SequencingRuleConditionName[] = [
  'satisfied', 'objectiveStatusKnown', 'objectiveMeasureKnown', 'objectiveMeasureGreaterThan', 'objectiveMeasureLessThan', 'completed',
  'activityProgressKnown', 'attempted', 'attemptLimitExceeded', 'timeLimitExceeded', 'outsideAvailableTimeRange', 'always',
];
const ROLLUP_CONDITIONS: readonly RollupConditionName[] = [
  'satisfied', 'objectiveStatusKnown', 'objectiveMeasureKnown', 'completed', 'activityProgressKnown', 'attempted', 'attemptLimitExceeded',
  'timeLimitExceeded', 'outsideAvailableTimeRange',
];
const PRE_ACTIONS: readonly PreConditionAction[] = ['skip', 'disabled', 'hiddenFromChoice', 'stopForwardTraversal'];
const EXIT_ACTIONS: readonly ExitConditionAction[] = ['exit'];
const POST_ACTIONS: readonly PostConditionAction[] = ['exitParent', 'exitAll', 'retry', 'retryAll', 'continue', 'previous'];
const COMBINATIONS: readonly ConditionCombination[] = ['all', 'any'];
const OPERATORS: readonly ConditionOperator[] = ['noOp', 'not'];
const CHILD_SETS: readonly ChildActivitySet[] = ['all', 'any', 'none', 'atLeastCount', 'atLeastPercent'];
const ROLLUP_ACTIONS: readonly RollupAction[] = ['satisfied', 'notSatisfied', 'completed', 'incomplete'];
const TIMINGS: readonly RandomizationTiming[] = ['never', 'once', 'onEachNewAttempt'];
const CONSIDERATIONS: readonly RollupConsideration[] = ['always', 'ifAttempted', 'ifNotSkipped', 'ifNotSuspended'];

/** Every value at its schema default: what an activity with no sequencing element gets. */
export function defaultSequencing(): SequencingDefinition {
  return {
    controlMode: { choice: true, choiceExit: true, flow: false, forwardOnly: false, useCurrentAttemptObjectiveInfo: true, useCurrentAttemptProgressInfo: true },
    sequencingRules: { preConditionRules: [], exitConditionRules: [], postConditionRules: [] },
    limitConditions: {},
    rollupRules: { rollupObjectiveSatisfied: true, rollupProgressCompletion: true, objectiveMeasureWeight: 1, rules: [] },
    objectives: { secondary: [] },
    randomizationControls: { randomizationTiming: 'never', reorderChildren: false, selectionTiming: 'never' },
    deliveryControls: { tracked: true, completionSetByContent: false, objectiveSetByContent: false },
    constrainedChoiceConsiderations: { preventActivation: false, constrainChoice: false },
    rollupConsiderations: {
      requiredForSatisfied: 'always',
      requiredForNotSatisfied: 'always',
      requiredForCompleted: 'always',
      requiredForIncomplete: 'always',
      measureSatisfactionIfActive: true,
    },
    adlObjectives: [],
  };
}

/** Lays `local` over `referenced` (collection entry) child element by child element, then fills defaults. */
export function effectiveSequencing(local: PartialSequencing | undefined, referenced: PartialSequencing | undefined): SequencingDefinition {
  return { ...defaultSequencing(), ...referenced, ...local };
}

export function parseSequencing(el: XmlElement, file: string): PartialSequencing {
  const site = (element: string, attribute: string): ValueSite => ({ file, element: `imsss:${element}`, attribute });
  const adlSite = (element: string, attribute: string): ValueSite => ({ file, element: `adlseq:${element}`, attribute });
  const bool = (e: XmlElement, name: string, fallback: boolean, s = site) => readBoolean(attr(e, name), fallback, s(e.local, name));
  const out: PartialSequencing = {};

  const controlMode = childOf(el, IMSSS_NS, 'controlMode');
  if (controlMode) {
    out.controlMode = {
      choice: bool(controlMode, 'choice', true),
      choiceExit: bool(controlMode, 'choiceExit', true),
      flow: bool(controlMode, 'flow', false),
      forwardOnly: bool(controlMode, 'forwardOnly', false),
      useCurrentAttemptObjectiveInfo: bool(controlMode, 'useCurrentAttemptObjectiveInfo', true),
      useCurrentAttemptProgressInfo: bool(controlMode, 'useCurrentAttemptProgressInfo', true),
    };
  }

  const rules = childOf(el, IMSSS_NS, 'sequencingRules');
  if (rules) {
    out.sequencingRules = {
      preConditionRules: childrenOf(rules, IMSSS_NS, 'preConditionRule').map((r) => parseRule(r, PRE_ACTIONS, file)),
      exitConditionRules: childrenOf(rules, IMSSS_NS, 'exitConditionRule').map((r) => parseRule(r, EXIT_ACTIONS, file)),
      postConditionRules: childrenOf(rules, IMSSS_NS, 'postConditionRule').map((r) => parseRule(r, POST_ACTIONS, file)),
    };
  }

  const limits = childOf(el, IMSSS_NS, 'limitConditions');
  if (limits) {
    const duration = (name: string) => readDuration(attr(limits, name), site('limitConditions', name));
    const time = (name: string) => readDateTime(attr(limits, name), site('limitConditions', name));
    out.limitConditions = dropUndefined({
      attemptLimit: readNonNegativeInteger(attr(limits, 'attemptLimit'), site('limitConditions', 'attemptLimit')),
      attemptAbsoluteDurationLimit: duration('attemptAbsoluteDurationLimit'),
      attemptExperiencedDurationLimit: duration('attemptExperiencedDurationLimit'),
      activityAbsoluteDurationLimit: duration('activityAbsoluteDurationLimit'),
      activityExperiencedDurationLimit: duration('activityExperiencedDurationLimit'),
      beginTimeLimit: time('beginTimeLimit'),
      endTimeLimit: time('endTimeLimit'),
    });
  }

  const rollup = childOf(el, IMSSS_NS, 'rollupRules');
  if (rollup) {
    out.rollupRules = {
      rollupObjectiveSatisfied: bool(rollup, 'rollupObjectiveSatisfied', true),
      rollupProgressCompletion: bool(rollup, 'rollupProgressCompletion', true),
      objectiveMeasureWeight: readDecimal(attr(rollup, 'objectiveMeasureWeight'), 1, site('rollupRules', 'objectiveMeasureWeight'), { min: 0, max: 1 }),
      rules: childrenOf(rollup, IMSSS_NS, 'rollupRule').map((r) => parseRollupRule(r, file)),
    };
  }

  const objectives = childOf(el, IMSSS_NS, 'objectives');
  if (objectives) {
    const primary = childOf(objectives, IMSSS_NS, 'primaryObjective');
    out.objectives = {
      ...(primary ? { primary: parseObjective(primary, file, false) } : {}),
      secondary: childrenOf(objectives, IMSSS_NS, 'objective').map((o) => parseObjective(o, file, true)),
    };
  }

  const randomization = childOf(el, IMSSS_NS, 'randomizationControls');
  if (randomization) {
    const selectCount = readNonNegativeInteger(attr(randomization, 'selectCount'), site('randomizationControls', 'selectCount'));
    out.randomizationControls = {
      randomizationTiming: readEnum(attr(randomization, 'randomizationTiming'), TIMINGS, 'never', site('randomizationControls', 'randomizationTiming')),
      ...(selectCount === undefined ? {} : { selectCount }),
      reorderChildren: bool(randomization, 'reorderChildren', false),
      selectionTiming: readEnum(attr(randomization, 'selectionTiming'), TIMINGS, 'never', site('randomizationControls', 'selectionTiming')),
    };
  }

  const delivery = childOf(el, IMSSS_NS, 'deliveryControls');
  if (delivery) {
    out.deliveryControls = {
      tracked: bool(delivery, 'tracked', true),
      completionSetByContent: bool(delivery, 'completionSetByContent', false),
      objectiveSetByContent: bool(delivery, 'objectiveSetByContent', false),
    };
  }

  const constrained = childOf(el, ADLSEQ_NS, 'constrainedChoiceConsiderations');
  if (constrained) {
    out.constrainedChoiceConsiderations = {
      preventActivation: bool(constrained, 'preventActivation', false, adlSite),
      constrainChoice: bool(constrained, 'constrainChoice', false, adlSite),
    };
  }

  const considerations = childOf(el, ADLSEQ_NS, 'rollupConsiderations');
  if (considerations) {
    const required = (name: string) => readEnum(attr(considerations, name), CONSIDERATIONS, 'always', adlSite('rollupConsiderations', name));
    out.rollupConsiderations = {
      requiredForSatisfied: required('requiredForSatisfied'),
      requiredForNotSatisfied: required('requiredForNotSatisfied'),
      requiredForCompleted: required('requiredForCompleted'),
      requiredForIncomplete: required('requiredForIncomplete'),
      measureSatisfactionIfActive: bool(considerations, 'measureSatisfactionIfActive', true, adlSite),
    };
  }

  const adlObjectives = childOf(el, ADLSEQ_NS, 'objectives');
  if (adlObjectives) out.adlObjectives = childrenOf(adlObjectives, ADLSEQ_NS, 'objective').map((o) => parseAdlObjective(o, file));
  return out;
}

function parseRule<A extends SequencingRuleAction>(el: XmlElement, actions: readonly A[], file: string): SequencingRule<A> {
  const conditions = childOf(el, IMSSS_NS, 'ruleConditions');
  const action = childOf(el, IMSSS_NS, 'ruleAction');
  if (!conditions || !action) throw missing(file, `imsss:${el.local}`, conditions ? 'imsss:ruleAction' : 'imsss:ruleConditions');
  const site = (element: string, attribute: string): ValueSite => ({ file, element: `imsss:${element}`, attribute });
  const list = childrenOf(conditions, IMSSS_NS, 'ruleCondition');
  if (list.length === 0) throw missing(file, 'imsss:ruleConditions', 'imsss:ruleCondition');
  return {
    conditionCombination: readEnum(attr(conditions, 'conditionCombination'), COMBINATIONS, 'all', site('ruleConditions', 'conditionCombination')),
    conditions: list.map((c) => {
      const referencedObjective = objectiveUri(attr(c, 'referencedObjective'));
      return {
        condition: readEnum(attr(c, 'condition'), CONDITIONS, undefined, site('ruleCondition', 'condition')) ?? requiredAttr(file, 'imsss:ruleCondition', 'condition'),
        operator: readEnum(attr(c, 'operator'), OPERATORS, 'noOp', site('ruleCondition', 'operator')),
        ...(referencedObjective ? { referencedObjective } : {}),
        measureThreshold: readDecimal(attr(c, 'measureThreshold'), 0, site('ruleCondition', 'measureThreshold'), { min: -1, max: 1 }),
      };
    }),
    action: readEnum(attr(action, 'action'), actions, undefined, site('ruleAction', 'action')) ?? requiredAttr(file, 'imsss:ruleAction', 'action'),
  };
}

function parseRollupRule(el: XmlElement, file: string) {
  const site = (element: string, attribute: string): ValueSite => ({ file, element: `imsss:${element}`, attribute });
  const conditions = childOf(el, IMSSS_NS, 'rollupConditions');
  const action = childOf(el, IMSSS_NS, 'rollupAction');
  if (!conditions || !action) throw missing(file, 'imsss:rollupRule', conditions ? 'imsss:rollupAction' : 'imsss:rollupConditions');
  const list = childrenOf(conditions, IMSSS_NS, 'rollupCondition');
  if (list.length === 0) throw missing(file, 'imsss:rollupConditions', 'imsss:rollupCondition');
  return {
    childActivitySet: readEnum(attr(el, 'childActivitySet'), CHILD_SETS, 'all', site('rollupRule', 'childActivitySet')),
    minimumCount: readNonNegativeInteger(attr(el, 'minimumCount'), site('rollupRule', 'minimumCount')) ?? 0,
    minimumPercent: readDecimal(attr(el, 'minimumPercent'), 0, site('rollupRule', 'minimumPercent'), { min: 0, max: 1 }),
    conditionCombination: readEnum(attr(conditions, 'conditionCombination'), COMBINATIONS, 'any', site('rollupConditions', 'conditionCombination')),
    conditions: list.map((c) => ({
      condition: readEnum(attr(c, 'condition'), ROLLUP_CONDITIONS, undefined, site('rollupCondition', 'condition')) ?? requiredAttr(file, 'imsss:rollupCondition', 'condition'),
      operator: readEnum(attr(c, 'operator'), OPERATORS, 'noOp', site('rollupCondition', 'operator')),
    })),
    action: readEnum(attr(action, 'action'), ROLLUP_ACTIONS, undefined, site('rollupAction', 'action')) ?? requiredAttr(file, 'imsss:rollupAction', 'action'),
  };
}

function parseObjective(el: XmlElement, file: string, idRequired: boolean): ObjectiveDefinition {
  const site = (element: string, attribute: string): ValueSite => ({ file, element: `imsss:${element}`, attribute });
  const objectiveId = objectiveUri(attr(el, 'objectiveID'));
  if (idRequired && !objectiveId) requiredAttr(file, 'imsss:objective', 'objectiveID');
  const measure = childOf(el, IMSSS_NS, 'minNormalizedMeasure');
  return {
    ...(objectiveId ? { objectiveId } : {}),
    satisfiedByMeasure: readBoolean(attr(el, 'satisfiedByMeasure'), false, site(el.local, 'satisfiedByMeasure')),
    minNormalizedMeasure: readDecimal(measure?.text, 1, site('minNormalizedMeasure', '(value)'), { min: -1, max: 1 }),
    mapInfo: childrenOf(el, IMSSS_NS, 'mapInfo').map((m) => ({
      targetObjectiveId: objectiveUri(attr(m, 'targetObjectiveID')) || requiredAttr(file, 'imsss:mapInfo', 'targetObjectiveID'),
      readSatisfiedStatus: readBoolean(attr(m, 'readSatisfiedStatus'), true, site('mapInfo', 'readSatisfiedStatus')),
      readNormalizedMeasure: readBoolean(attr(m, 'readNormalizedMeasure'), true, site('mapInfo', 'readNormalizedMeasure')),
      writeSatisfiedStatus: readBoolean(attr(m, 'writeSatisfiedStatus'), false, site('mapInfo', 'writeSatisfiedStatus')),
      writeNormalizedMeasure: readBoolean(attr(m, 'writeNormalizedMeasure'), false, site('mapInfo', 'writeNormalizedMeasure')),
    })),
  };
}

function parseAdlObjective(el: XmlElement, file: string): AdlObjective {
  const flag = (m: XmlElement, name: string, fallback: boolean) => readBoolean(attr(m, name), fallback, { file, element: 'adlseq:mapInfo', attribute: name });
  return {
    objectiveId: objectiveUri(attr(el, 'objectiveID')) || requiredAttr(file, 'adlseq:objective', 'objectiveID'),
    mapInfo: childrenOf(el, ADLSEQ_NS, 'mapInfo').map((m) => ({
      targetObjectiveId: objectiveUri(attr(m, 'targetObjectiveID')) || requiredAttr(file, 'adlseq:mapInfo', 'targetObjectiveID'),
      readRawScore: flag(m, 'readRawScore', true),
      readMinScore: flag(m, 'readMinScore', true),
      readMaxScore: flag(m, 'readMaxScore', true),
      readCompletionStatus: flag(m, 'readCompletionStatus', true),
      readProgressMeasure: flag(m, 'readProgressMeasure', true),
      writeRawScore: flag(m, 'writeRawScore', false),
      writeMinScore: flag(m, 'writeMinScore', false),
      writeMaxScore: flag(m, 'writeMaxScore', false),
      writeCompletionStatus: flag(m, 'writeCompletionStatus', false),
      writeProgressMeasure: flag(m, 'writeProgressMeasure', false),
    })),
  };
}

/**
 * An objective identifier (xs:anyURI) as the LMS names it: percent-escapes
 * decoded, then whitespace collapsed as for any anyURI value. Two spellings
 * of one objective ("ob%20j%201", "  ob%20%20j%201 ") name the same objective,
 * and the SCO finds it in cmi.objectives as "ob j 1" (ADL OB-12a).
 */
function objectiveUri(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A stray "%" is no escape: keep the value as written.
  }
  const collapsed = decoded.replace(/\s+/g, ' ').trim();
  return collapsed === '' ? undefined : collapsed;
}

function missing(file: string, element: string, child: string) {
  return reject('MANIFEST_INVALID', `${file}: ${element} needs a ${child} element.`, { file, element, missing: child });
}

function requiredAttr(file: string, element: string, attribute: string): never {
  throw reject('MANIFEST_INVALID', `${file}: ${element} needs the ${attribute} attribute.`, { file, element, attribute });
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
