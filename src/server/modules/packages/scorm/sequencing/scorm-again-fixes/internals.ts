// The parts of scorm-again 3.4.3's internals the corrections read: its
// sequencer and run-time classes are not exported, so each is described as
// far as a correction uses it.

import type { ChoiceActivity } from '../choice-constraints.js';

export type CompletionStatus = 'completed' | 'incomplete' | 'unknown' | string;

/** scorm-again's Activity, as far as the corrections use it. */
export interface SaActivity {
  id: string;
  parent: SaActivity | null;
  children: SaActivity[];
  isActive: boolean;
  isSuspended: boolean;
  attemptCount: number;
  objectiveSatisfiedStatus: boolean;
  objectiveSatisfiedStatusKnown: boolean;
  objectiveMeasureStatus: boolean;
  objectiveNormalizedMeasure: number;
  objectiveInfoAvailableInCurrentParentAttempt?: boolean;
  progressInfoAvailableInCurrentParentAttempt?: boolean;
  successStatus: string;
  completionStatus: CompletionStatus;
  attemptProgressStatus: boolean;
  wasAutoCompleted: boolean;
  isCompleted: boolean;
  sequencingControls: { tracked: boolean; objectiveMeasureWeight: number; flow: boolean; forwardOnly: boolean };
  scaledPassingScore: number | null;
  primaryObjective: { id: string; satisfiedByMeasure: boolean } | null;
  rollupRules: { rules: SaRollupRule[] };
  rollupConsiderations: { measureSatisfactionIfActive: boolean };
  completedByMeasure: boolean;
  minProgressMeasure: number;
  progressMeasure: number;
  progressMeasureStatus: boolean;
  isAvailable: boolean;
  /** Set by scorm-again's flow when it skipped the activity; read by its rollup child filter. */
  wasSkipped: boolean;
  sequencingRules: { preConditionRules: SaSequencingRule[] };
  getAvailableChildren(): SaActivity[];
  hasAttemptLimitExceeded(): boolean;
}

export interface SaRollupCondition {
  condition: string;
  operator: string;
  parameters: Map<string, unknown>;
  evaluate(activity: SaActivity): boolean;
}

export interface SaRollupRule {
  action: string;
  consideration: string;
  minimumCount: number;
  /** In percent (0..100), see activity-tree.ts. */
  minimumPercent: number;
  conditionCombination: string;
  conditions: SaRollupCondition[];
}

export interface SaChildFilter {
  checkChildForRollupSubprocess(child: SaActivity, rollupType: string, rollupAction?: string): boolean;
}

export interface SaRollupRuleEvaluator {
  childFilter: SaChildFilter;
}

export interface SaObjectiveRollupProcessor {
  objectiveRollupUsingRules(activity: SaActivity, rules: SaRollupRule[]): boolean | null;
  objectiveRollupUsingDefault(activity: SaActivity): boolean | null;
  syncPrimaryObjectiveFromActivity(activity: SaActivity): void;
}

export interface SaTerminationHandler {
  rollupProcess: {
    overallRollupProcess(activity: SaActivity, globalObjectives?: unknown): unknown;
    processGlobalObjectiveMapping(root: SaActivity, globalObjectives: unknown): unknown;
    syncTerminatedActivityObjectives(activity: SaActivity, globalObjectives: unknown): unknown;
  };
  globalObjectiveMap: unknown;
  activityTree: { root: SaActivity | null };
  /** The SCO's run-time data as handed to the sequencer; null when no SCO is initialized. */
  getCMIData: (() => { completion_status_was_set?: boolean } | null) | null;
}

export interface SaProgressRollupProcessor {
  childFilter: SaChildFilter;
  objectiveProcessor: { syncPrimaryObjectiveFromActivity(activity: SaActivity): void };
  /** RB.1.3.a; true when the activity is completed by measure (and its status was set). */
  activityProgressRollupUsingMeasure(activity: SaActivity): boolean;
}

export interface SaMeasureRollupProcessor {
  childFilter: SaChildFilter;
  identifyActivityClusters(children: SaActivity[]): SaActivity[];
}

export interface SaSequencingRule {
  action: string;
  /** UP.2 for this rule: its conditions, combined, hold for the activity. */
  evaluate(activity: SaActivity): boolean | 'unknown';
}

export interface SaFlowTraversalService {
  activityTree: { getPreviousSibling(activity: SaActivity): SaActivity | null };
  ruleEngine: {
    checkLimitConditions(activity: SaActivity): boolean;
    checkSequencingRules(activity: SaActivity, rules: SaSequencingRule[]): string | null;
  };
  getActivityForEvaluation(activity: SaActivity): SaActivity;
}

/** SB.2.1's answer in scorm-again: the next activity, and the direction when it changes. */
export interface SaTraversalResult {
  activity: SaActivity | null;
  endSequencingSession: boolean;
  exception?: string;
  direction?: 'forward' | 'backward';
  forwardOnlyCluster?: SaActivity;
}

export interface SaChoiceRequestHandler {
  traversalService: {
    /** UP.5 Check Activity Process (as corrected here): true when the activity may be delivered. */
    checkActivityProcess(activity: SaActivity): boolean;
    /** SB.2.3 Flow Subprocess from the cluster, Forward, considering its children. */
    findFirstDeliverableActivityResult(cluster: SaActivity): { identifiedActivity: SaActivity | null; deliverable: boolean };
  };
}

export interface SaNavigationLookAhead {
  sequencingProcess: {
    traversalService: {
      /** SB.2.3 Flow Subprocess; identifies without delivering. */
      flowSubprocess(from: SaActivity, direction: 'forward' | 'backward'): { deliverable: boolean };
    };
  };
}

/** The SCO's run-time data as scorm-again hands it to the sequencer (RTE → SN). */
export interface SaCmiTransferData {
  completion_status: string;
  completion_status_was_set?: boolean;
  progress_measure: string;
  objectives: { id: string; completion_status: string; completion_status_was_set?: boolean; progress_measure: string }[];
}

/** scorm-again's SequencingService, as far as the corrections use it. */
export interface SaSequencingService {
  sequencing: { getCurrentActivity(): SaActivity | null };
  configuration: { wasCMIElementSetByContent?: (element: string) => boolean };
}

/** scorm-again's answer from its choice checks. */
export interface ValidationResult {
  valid: boolean;
  exception: string | null;
}

export function validation(exception: string | null): ValidationResult {
  return { valid: exception === null, exception };
}

/** A Choice target, as far as scorm-again's own path checks read it. */
export interface SaChoiceTarget extends ChoiceActivity {
  parent: SaChoiceTarget | null;
  isAvailable: boolean;
  isHiddenFromChoice: boolean;
  sequencingControls: ChoiceActivity['sequencingControls'] & { choice: boolean };
}

/** scorm-again's Scorm2004API, as far as the corrections use it. */
export interface SaApi {
  getSequencingService(): { getOverallSequencingProcess(): { synchronizeGlobalObjectives(): void } | null } | null;
  isInitialized(): boolean;
  /** The value or object the dot-notation name leads to (null: none). */
  _peekCMIValue(element: string): unknown;
  throwSCORMError(element: string, errorNumber: number, message: string): void;
}
