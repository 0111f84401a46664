// The parsed form of a SCORM imsmanifest.xml (SCORM 1.2 and SCORM 2004 2nd,
// 3rd and 4th edition). Other code (the player, the SCORM 2004 sequencing
// engine and its test driver) builds on these types: keep them stable and only
// ever add optional fields.
//
// Conventions:
// - Every value has the default of the schema applied, so a consumer never has
//   to know the defaults (e.g. controlMode.choice is true when not written).
//   Values with no default (attemptLimit, selectCount, durations…) are optional.
// - Paths (resource href, file href, launch path) are relative to the package
//   root, with xml:base applied, percent-decoded, '/'-separated and normalised;
//   the parser has already checked that they stay inside the package.
// - SCORM 2004 sequencing is the *effective* definition: a sequencing element
//   that references the sequencingCollection (IDRef) is merged with it, the
//   local child elements replacing the referenced ones (CAM 4th ed. 5.1.1).
//   Items and organizations of a SCORM 2004 manifest always carry one (all
//   defaults when none is written); SCORM 1.2 ones never do.
// - Numbers are JavaScript numbers; ISO 8601 durations and date-times are kept
//   as the strings written in the manifest.

export type ScormVersion = 'scorm12' | 'scorm2004_2nd' | 'scorm2004_3rd' | 'scorm2004_4th';

export interface ScormManifest {
  version: ScormVersion;
  /** The manifest's identifier attribute: the key that makes a re-upload a new version. */
  identifier: string;
  /** The manifest's version attribute, if any (free text chosen by the author). */
  manifestVersion?: string;
  /** metadata/schema and metadata/schemaversion as written. */
  schema?: string;
  schemaVersion?: string;
  /** The organization to deliver: organizations/@default, or the first one. */
  defaultOrganizationId: string;
  organizations: ScormOrganization[];
  resources: ScormResource[];
  /** SCORM 2004: imsss:sequencingCollection entries by their ID, as written (defaults applied). */
  sequencingCollection: Record<string, SequencingDefinition>;
}

/** The root of an activity tree. */
export interface ScormOrganization {
  identifier: string;
  title: string;
  structure: string;
  /** adlseq:objectivesGlobalToSystem (SCORM 2004; default true). */
  objectivesGlobalToSystem: boolean;
  /** adlcp:sharedDataGlobalToSystem (SCORM 2004 4th; default true). */
  sharedDataGlobalToSystem: boolean;
  items: ScormItem[];
  /** SCORM 2004 only. */
  sequencing?: SequencingDefinition;
  /** SCORM 2004: set when the sequencing element referenced the sequencingCollection. */
  sequencingIdRef?: string;
  completionThreshold?: CompletionThreshold;
}

export interface ScormItem {
  identifier: string;
  title: string;
  /** isvisible (default true). */
  isVisible: boolean;
  /** identifierref as written: set on leaf items that launch a resource. */
  identifierRef?: string;
  /** parameters as written (appended to the launch URL per IMS CP rules). */
  parameters?: string;
  children: ScormItem[];
  /** Set when identifierRef names a resource with an href: what to launch. */
  launch?: ScormLaunch;

  // SCORM 1.2 (adlcp namespace, lower-case element names)
  /** adlcp:masteryscore, 0..100. */
  masteryScore?: number;
  /** adlcp:prerequisites (AICC script) and its type attribute. */
  prerequisites?: { script: string; type: string };
  /** adlcp:maxtimeallowed (CMITimespan, e.g. "00:30:00"). */
  maxTimeAllowed?: string;

  // Both: adlcp:timelimitaction (1.2) / adlcp:timeLimitAction (2004)
  timeLimitAction?: TimeLimitAction;
  // Both: adlcp:datafromlms (1.2) / adlcp:dataFromLMS (2004)
  dataFromLms?: string;

  // SCORM 2004
  completionThreshold?: CompletionThreshold;
  /** adlcp:data/adlcp:map (4th ed. shared data buckets). */
  sharedData: SharedDataMap[];
  sequencing?: SequencingDefinition;
  sequencingIdRef?: string;
  presentation?: Presentation;
}

export interface ScormLaunch {
  resourceIdentifier: string;
  scormType: ScormType;
  /** The file to load, relative to the package root, without query or fragment. */
  path: string;
  /** Relative URL to open: path plus the href's query/fragment and the item's parameters. */
  url: string;
}

export type ScormType = 'sco' | 'asset';

export interface ScormResource {
  identifier: string;
  /** type attribute, normally "webcontent". */
  type: string;
  /** adlcp:scormType (2004) / adlcp:scormtype (1.2). */
  scormType: ScormType;
  /** Entry point relative to the package root (may keep a query or fragment). */
  href?: string;
  /** Files listed in the resource, relative to the package root. */
  files: string[];
  /** identifierref of each dependency, in order. */
  dependencies: string[];
}

export type TimeLimitAction = 'exit,message' | 'exit,no message' | 'continue,message' | 'continue,no message';

/** adlcp:completionThreshold. 3rd edition wrote a bare decimal: it becomes minProgressMeasure. */
export interface CompletionThreshold {
  completedByMeasure: boolean; // default false
  minProgressMeasure: number; // 0..1, default 1.0
  progressWeight: number; // 0..1, default 1.0
}

export interface SharedDataMap {
  targetId: string;
  readSharedData: boolean; // default true
  writeSharedData: boolean; // default false
}

export type NavigationControl = 'previous' | 'continue' | 'exit' | 'exitAll' | 'abandon' | 'abandonAll' | 'suspendAll';

/** adlnav:presentation/adlnav:navigationInterface. */
export interface Presentation {
  hideLmsUi: NavigationControl[];
}

// ---------------------------------------------------------------------------
// SCORM 2004 sequencing definition (IMS Simple Sequencing + ADL extensions)

export interface SequencingDefinition {
  controlMode: ControlMode;
  sequencingRules: SequencingRules;
  limitConditions: LimitConditions;
  rollupRules: RollupRules;
  objectives: Objectives;
  randomizationControls: RandomizationControls;
  deliveryControls: DeliveryControls;
  /** adlseq:constrainedChoiceConsiderations */
  constrainedChoiceConsiderations: ConstrainedChoiceConsiderations;
  /** adlseq:rollupConsiderations */
  rollupConsiderations: RollupConsiderations;
  /** adlseq:objectives (4th ed.): extra global-objective maps keyed by objective id. */
  adlObjectives: AdlObjective[];
}

export interface ControlMode {
  choice: boolean; // default true
  choiceExit: boolean; // default true
  flow: boolean; // default false
  forwardOnly: boolean; // default false
  useCurrentAttemptObjectiveInfo: boolean; // default true
  useCurrentAttemptProgressInfo: boolean; // default true
}

export interface SequencingRules {
  preConditionRules: SequencingRule<PreConditionAction>[];
  exitConditionRules: SequencingRule<ExitConditionAction>[];
  postConditionRules: SequencingRule<PostConditionAction>[];
}

export interface SequencingRule<Action extends SequencingRuleAction = SequencingRuleAction> {
  conditionCombination: ConditionCombination; // default 'all'
  conditions: RuleCondition[];
  action: Action;
}

export type ConditionCombination = 'all' | 'any';
export type ConditionOperator = 'noOp' | 'not';

export type SequencingRuleConditionName =
  | 'satisfied'
  | 'objectiveStatusKnown'
  | 'objectiveMeasureKnown'
  | 'objectiveMeasureGreaterThan'
  | 'objectiveMeasureLessThan'
  | 'completed'
  | 'activityProgressKnown'
  | 'attempted'
  | 'attemptLimitExceeded'
  | 'timeLimitExceeded'
  | 'outsideAvailableTimeRange'
  | 'always';

export interface RuleCondition {
  condition: SequencingRuleConditionName;
  operator: ConditionOperator; // default 'noOp'
  /** Objective id of the activity this condition reads; absent = primary objective. */
  referencedObjective?: string;
  measureThreshold: number; // -1..1, default 0.0
}

export type PreConditionAction = 'skip' | 'disabled' | 'hiddenFromChoice' | 'stopForwardTraversal';
export type ExitConditionAction = 'exit';
export type PostConditionAction = 'exitParent' | 'exitAll' | 'retry' | 'retryAll' | 'continue' | 'previous';
export type SequencingRuleAction = PreConditionAction | ExitConditionAction | PostConditionAction;

export interface LimitConditions {
  /** 0 or absent: no limit. */
  attemptLimit?: number;
  attemptAbsoluteDurationLimit?: string;
  // In the IMS schema but not required by SCORM 2004; kept when written.
  attemptExperiencedDurationLimit?: string;
  activityAbsoluteDurationLimit?: string;
  activityExperiencedDurationLimit?: string;
  beginTimeLimit?: string;
  endTimeLimit?: string;
}

export interface RollupRules {
  rollupObjectiveSatisfied: boolean; // default true
  rollupProgressCompletion: boolean; // default true
  objectiveMeasureWeight: number; // 0..1, default 1.0
  rules: RollupRule[];
}

export type ChildActivitySet = 'all' | 'any' | 'none' | 'atLeastCount' | 'atLeastPercent';

export interface RollupRule {
  childActivitySet: ChildActivitySet; // default 'all'
  minimumCount: number; // default 0
  minimumPercent: number; // 0..1, default 0
  conditionCombination: ConditionCombination; // default 'any'
  conditions: RollupCondition[];
  action: RollupAction;
}

export type RollupConditionName =
  | 'satisfied'
  | 'objectiveStatusKnown'
  | 'objectiveMeasureKnown'
  | 'completed'
  | 'activityProgressKnown'
  | 'attempted'
  | 'attemptLimitExceeded'
  | 'timeLimitExceeded'
  | 'outsideAvailableTimeRange';

export interface RollupCondition {
  condition: RollupConditionName;
  operator: ConditionOperator; // default 'noOp'
}

export type RollupAction = 'satisfied' | 'notSatisfied' | 'completed' | 'incomplete';

export interface Objectives {
  /** imsss:primaryObjective; absent when not written (the activity still has an implicit one). */
  primary?: ObjectiveDefinition;
  /** imsss:objective elements, in order. */
  secondary: ObjectiveDefinition[];
}

export interface ObjectiveDefinition {
  /** Required on secondary objectives; optional on the primary one. */
  objectiveId?: string;
  satisfiedByMeasure: boolean; // default false
  minNormalizedMeasure: number; // -1..1, default 1.0
  mapInfo: ObjectiveMapInfo[];
}

export interface ObjectiveMapInfo {
  targetObjectiveId: string;
  readSatisfiedStatus: boolean; // default true
  readNormalizedMeasure: boolean; // default true
  writeSatisfiedStatus: boolean; // default false
  writeNormalizedMeasure: boolean; // default false
}

export type RandomizationTiming = 'never' | 'once' | 'onEachNewAttempt';

export interface RandomizationControls {
  randomizationTiming: RandomizationTiming; // default 'never'
  /** Absent: select all children. */
  selectCount?: number;
  reorderChildren: boolean; // default false
  selectionTiming: RandomizationTiming; // default 'never'
}

export interface DeliveryControls {
  tracked: boolean; // default true
  completionSetByContent: boolean; // default false
  objectiveSetByContent: boolean; // default false
}

export interface ConstrainedChoiceConsiderations {
  preventActivation: boolean; // default false
  constrainChoice: boolean; // default false
}

export type RollupConsideration = 'always' | 'ifAttempted' | 'ifNotSkipped' | 'ifNotSuspended';

export interface RollupConsiderations {
  requiredForSatisfied: RollupConsideration; // default 'always'
  requiredForNotSatisfied: RollupConsideration; // default 'always'
  requiredForCompleted: RollupConsideration; // default 'always'
  requiredForIncomplete: RollupConsideration; // default 'always'
  measureSatisfactionIfActive: boolean; // default true
}

/** adlseq:objectives/adlseq:objective: extends the imsss objective with the same id. */
export interface AdlObjective {
  objectiveId: string;
  mapInfo: AdlObjectiveMapInfo[];
}

export interface AdlObjectiveMapInfo {
  targetObjectiveId: string;
  readRawScore: boolean; // default true
  readMinScore: boolean; // default true
  readMaxScore: boolean; // default true
  readCompletionStatus: boolean; // default true
  readProgressMeasure: boolean; // default true
  writeRawScore: boolean; // default false
  writeMinScore: boolean; // default false
  writeMaxScore: boolean; // default false
  writeCompletionStatus: boolean; // default false
  writeProgressMeasure: boolean; // default false
}
