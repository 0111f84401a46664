// Corrections to scorm-again 3.4.3's sequencer where it deviates from the
// SCORM 2004 4th Edition Sequencing and Navigation book (SN), applied at run
// time because node_modules is not ours to edit.
//
// scorm-again exports only its API classes; the sequencer's classes are
// reached through the instances a probe API builds, and each correction
// replaces one method on that class's prototype, so every API built
// afterwards (and before) uses it. Each correction names the SN pseudo-code
// process it implements, the method it replaces and the ADL conformance
// packages that exposed the deviation (adl-suite.expected-failures.ts lists
// what is still open); scorm-again-fixes.test.ts shows each on a small tree.
//
// The corrections were written against scorm-again 3.4.3 exactly. Installing
// them refuses (throws) when another version is installed or a method is not
// where 3.4.3 has it, so an upgrade cannot silently mis-patch: whoever
// upgrades must check each correction against the new source (and drop the
// ones upstream has fixed).
//
// No Node-only API: the browser player installs these too.

import { Scorm2004API } from 'scorm-again';
import type { ActivitySettings } from './activity-tree.js';
import { choiceTraversalException, type ChoiceActivity } from './choice-constraints.js';
// The installed package's own manifest (scorm-again's exports map hides
// "scorm-again/package.json"); a direct dependency always sits at the root
// of node_modules.
import scormAgainPackage from '../../../../../../node_modules/scorm-again/package.json' with { type: 'json' };

type RuleSettings = NonNullable<NonNullable<ActivitySettings['sequencingRules']>['preConditionRules']>[number];

export const PATCHED_SCORM_AGAIN_VERSION = '3.4.3';

export class ScormAgainFixError extends Error {
  override name = 'ScormAgainFixError';
}

// ---------------------------------------------------------------------------
// The parts of scorm-again's internals the corrections read.

type CompletionStatus = 'completed' | 'incomplete' | 'unknown' | string;

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

interface SaRollupCondition {
  condition: string;
  operator: string;
  parameters: Map<string, unknown>;
  evaluate(activity: SaActivity): boolean;
}

interface SaRollupRule {
  action: string;
  consideration: string;
  minimumCount: number;
  /** In percent (0..100), see activity-tree.ts. */
  minimumPercent: number;
  conditionCombination: string;
  conditions: SaRollupCondition[];
}

interface SaChildFilter {
  checkChildForRollupSubprocess(child: SaActivity, rollupType: string, rollupAction?: string): boolean;
}

interface SaRollupRuleEvaluator {
  childFilter: SaChildFilter;
}

interface SaObjectiveRollupProcessor {
  objectiveRollupUsingRules(activity: SaActivity, rules: SaRollupRule[]): boolean | null;
  objectiveRollupUsingDefault(activity: SaActivity): boolean | null;
  syncPrimaryObjectiveFromActivity(activity: SaActivity): void;
}

interface SaTerminationHandler {
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

interface SaProgressRollupProcessor {
  childFilter: SaChildFilter;
  objectiveProcessor: { syncPrimaryObjectiveFromActivity(activity: SaActivity): void };
  /** RB.1.3.a; true when the activity is completed by measure (and its status was set). */
  activityProgressRollupUsingMeasure(activity: SaActivity): boolean;
}

interface SaMeasureRollupProcessor {
  childFilter: SaChildFilter;
  identifyActivityClusters(children: SaActivity[]): SaActivity[];
}

interface SaSequencingRule {
  action: string;
  /** UP.2 for this rule: its conditions, combined, hold for the activity. */
  evaluate(activity: SaActivity): boolean | 'unknown';
}

interface SaFlowTraversalService {
  activityTree: { getPreviousSibling(activity: SaActivity): SaActivity | null };
  ruleEngine: {
    checkLimitConditions(activity: SaActivity): boolean;
    checkSequencingRules(activity: SaActivity, rules: SaSequencingRule[]): string | null;
  };
  getActivityForEvaluation(activity: SaActivity): SaActivity;
}

/** SB.2.1's answer in scorm-again: the next activity, and the direction when it changes. */
interface SaTraversalResult {
  activity: SaActivity | null;
  endSequencingSession: boolean;
  exception?: string;
  direction?: 'forward' | 'backward';
  forwardOnlyCluster?: SaActivity;
}

interface SaChoiceRequestHandler {
  traversalService: {
    /** UP.5 Check Activity Process (as corrected here): true when the activity may be delivered. */
    checkActivityProcess(activity: SaActivity): boolean;
    /** SB.2.3 Flow Subprocess from the cluster, Forward, considering its children. */
    findFirstDeliverableActivityResult(cluster: SaActivity): { identifiedActivity: SaActivity | null; deliverable: boolean };
  };
}

interface SaNavigationLookAhead {
  sequencingProcess: {
    traversalService: {
      /** SB.2.3 Flow Subprocess; identifies without delivering. */
      flowSubprocess(from: SaActivity, direction: 'forward' | 'backward'): { deliverable: boolean };
    };
  };
}

/** The SCO's run-time data as scorm-again hands it to the sequencer (RTE → SN). */
interface SaCmiTransferData {
  completion_status: string;
  completion_status_was_set?: boolean;
  progress_measure: string;
  objectives: { id: string; completion_status: string; completion_status_was_set?: boolean; progress_measure: string }[];
}

/** scorm-again's SequencingService, as far as the corrections use it. */
interface SaSequencingService {
  sequencing: { getCurrentActivity(): SaActivity | null };
  configuration: { wasCMIElementSetByContent?: (element: string) => boolean };
}

/** scorm-again's answer from its choice checks. */
interface ValidationResult {
  valid: boolean;
  exception: string | null;
}

function validation(exception: string | null): ValidationResult {
  return { valid: exception === null, exception };
}

/** A Choice target, as far as scorm-again's own path checks read it. */
interface SaChoiceTarget extends ChoiceActivity {
  parent: SaChoiceTarget | null;
  isAvailable: boolean;
  isHiddenFromChoice: boolean;
  sequencingControls: ChoiceActivity['sequencingControls'] & { choice: boolean };
}

/** scorm-again's Scorm2004API, as far as the corrections use it. */
interface SaApi {
  getSequencingService(): { getOverallSequencingProcess(): { synchronizeGlobalObjectives(): void } | null } | null;
  isInitialized(): boolean;
  /** The value or object the dot-notation name leads to (null: none). */
  _peekCMIValue(element: string): unknown;
  throwSCORMError(element: string, errorNumber: number, message: string): void;
}

/** The sequencer objects whose classes carry the methods corrected here. */
interface ProbeInstances {
  ruleEngine: object;
  sequencingProcess: object;
  navigationLookAhead: object;
  traversalService: object;
  choiceHandler: object;
  constraintValidator: object;
  navigationValidityService: object;
  deliveryValidator: object;
  ruleEvaluator: object;
  measureProcessor: object;
  rollupProcess: object;
  progressProcessor: object;
  objectiveProcessor: object;
  terminationHandler: object;
  rteDataTransfer: object;
  sequencingService: object;
  activity: object;
  ruleCondition: object;
  valueAccess: object;
  cmiContent: object;
  cmiSession: object;
  objective: object;
  interaction: object;
  interactionObjective: object;
}

// ---------------------------------------------------------------------------
// Installation

let installed = false;

/** Applies every correction once; later calls do nothing. */
export function installScormAgainFixes(): void {
  if (installed) return;
  assertVersion(scormAgainPackage.version);
  const instances = probeInstances();
  const patches = corrections(instances);
  // Check every target before changing any, so a refusal leaves scorm-again untouched.
  for (const patch of patches) checkPatchTarget(patch);
  // Not replaced, but wrapped for the length of one End Attempt (undoingAutoCompletion).
  checkPatchTarget({
    className: 'RollupProcess',
    prototype: prototypeOf(instances.rollupProcess),
    method: 'syncTerminatedActivityObjectives',
    arity: 2,
  });
  for (const patch of patches) apply(patch);
  installed = true;
}

export function assertVersion(version: string): void {
  if (version !== PATCHED_SCORM_AGAIN_VERSION) {
    throw new ScormAgainFixError(
      `scorm-again ${version} is installed; the sequencing corrections in scorm-again-fixes.ts were written for ` +
        `${PATCHED_SCORM_AGAIN_VERSION}. Check each correction against the new version's source, drop the ones it fixes, ` +
        `and update PATCHED_SCORM_AGAIN_VERSION.`,
    );
  }
}

export interface MethodPatch {
  /** scorm-again's class name, for messages. */
  className: string;
  prototype: Record<string, unknown>;
  method: string;
  /** The replaced method's declared parameter count in 3.4.3. */
  arity: number;
  /** 'set': the property's setter is replaced, not a method. */
  accessor?: 'set';
  replacement: (original: (...args: never[]) => unknown) => (this: never, ...args: never[]) => unknown;
}

/** Refuses a method that is missing or does not take the parameters 3.4.3's does. */
export function checkPatchTarget(patch: Pick<MethodPatch, 'className' | 'prototype' | 'method' | 'arity' | 'accessor'>): void {
  const original = originalOf(patch);
  if (typeof original !== 'function' || original.length !== patch.arity) {
    const what = patch.accessor ? `setter of ${patch.method}` : `${patch.arity}-parameter method`;
    throw new ScormAgainFixError(
      `scorm-again's ${patch.className}.prototype.${patch.method} is not the ${what} that ` +
        `scorm-again-fixes.ts corrects; refusing to patch.`,
    );
  }
}

function originalOf(patch: Pick<MethodPatch, 'prototype' | 'method' | 'accessor'>): unknown {
  if (patch.accessor === 'set') return Object.getOwnPropertyDescriptor(patch.prototype, patch.method)?.set;
  return patch.prototype[patch.method];
}

function apply(patch: MethodPatch): void {
  const original = originalOf(patch) as (...args: never[]) => unknown;
  const replaced = patch.replacement(original);
  Object.defineProperty(replaced, 'name', { value: `${patch.method} (corrected by Mestring)` });
  if (patch.accessor === 'set') {
    const descriptor = Object.getOwnPropertyDescriptor(patch.prototype, patch.method)!;
    Object.defineProperty(patch.prototype, patch.method, { ...descriptor, set: replaced });
  } else {
    patch.prototype[patch.method] = replaced;
  }
}

function probeInstances(): ProbeInstances {
  const api = new Scorm2004API({
    logLevel: 5,
    sequencing: {
      activityTree: {
        id: 'probe',
        title: 'probe',
        children: [
          {
            id: 'probe-sco',
            title: 'probe',
            // One rule, so that the probe holds a RuleCondition.
            sequencingRules: {
              preConditionRules: [
                {
                  action: 'skip' as RuleSettings['action'],
                  conditionCombination: 'all',
                  conditions: [{ condition: 'always' as RuleSettings['conditions'][number]['condition'] }],
                },
              ],
            },
          },
        ],
      },
    },
  });
  const service = (api as unknown as { getSequencingService(): unknown }).getSequencingService() as
    | {
        sequencingProcess?: { ruleEngine?: object; traversalService?: object; choiceHandler?: object; constraintValidator?: object };
        overallSequencingProcess?: {
          deliveryValidator?: object;
          terminationHandler?: { _rteDataTransferService?: object };
          navigationLookAhead?: object;
          navigationValidityService?: object;
        };
        rollupProcess?: { ruleEvaluator?: object; measureProcessor?: object; objectiveProcessor?: object; progressProcessor?: object };
      }
    | null;
  const root = (api as unknown as { getSequencingState(): { rootActivity?: ProbeActivity } }).getSequencingState().rootActivity;
  const runtime = api as unknown as ProbeRuntime;
  const child = (element: string, foundFirstIndex: boolean) => runtime.getChildElement(element, 'probe', foundFirstIndex) ?? undefined;
  const objective = child('cmi.objectives.0.id', false);
  // The error scorm-again's data model throws for a value of the wrong format (RTE 406).
  validationErrorClass = validationErrorOf(objective);
  const found = {
    ruleEngine: service?.sequencingProcess?.ruleEngine,
    sequencingProcess: service?.sequencingProcess,
    traversalService: service?.sequencingProcess?.traversalService,
    choiceHandler: service?.sequencingProcess?.choiceHandler,
    constraintValidator: service?.sequencingProcess?.constraintValidator,
    navigationValidityService: service?.overallSequencingProcess?.navigationValidityService,
    deliveryValidator: service?.overallSequencingProcess?.deliveryValidator,
    terminationHandler: service?.overallSequencingProcess?.terminationHandler,
    rteDataTransfer: service?.overallSequencingProcess?.terminationHandler?._rteDataTransferService,
    sequencingService: service,
    navigationLookAhead: service?.overallSequencingProcess?.navigationLookAhead,
    ruleEvaluator: service?.rollupProcess?.ruleEvaluator,
    measureProcessor: service?.rollupProcess?.measureProcessor,
    rollupProcess: service?.rollupProcess,
    progressProcessor: service?.rollupProcess?.progressProcessor,
    objectiveProcessor: service?.rollupProcess?.objectiveProcessor,
    activity: root,
    ruleCondition: root?.children?.[0]?.sequencingRules?.preConditionRules?.[0]?.conditions?.[0],
    valueAccess: runtime._cmiValueAccessService,
    cmiContent: runtime.cmi?.content,
    cmiSession: runtime.cmi?.session,
    objective,
    interaction: child('cmi.interactions.0.id', false),
    interactionObjective: child('cmi.interactions.0.objectives.0.id', true),
    validationError: validationErrorClass,
  };
  for (const [name, instance] of Object.entries(found)) {
    if (!instance) {
      throw new ScormAgainFixError(
        `scorm-again's sequencing service has no ${name} where 3.4.3 keeps it; refusing to patch (scorm-again-fixes.ts).`,
      );
    }
  }
  return found as ProbeInstances;
}

/** The run-time data parts of the probe API the corrections reach. */
interface ProbeRuntime {
  _cmiValueAccessService?: object;
  cmi?: { content?: object; session?: object };
  /** The new entry a SetValue of `element` would add to its collection. */
  getChildElement(element: string, value: string, foundFirstIndex: boolean): object | null;
}

type ValidationErrorClass = new (element: string, errorCode: number) => Error;

/** RTE error 406, Data Model Element Type Mismatch, thrown as scorm-again's data model throws it. */
let validationErrorClass: ValidationErrorClass | undefined;

function validationErrorOf(objective: object | undefined): ValidationErrorClass | undefined {
  if (!objective) return undefined;
  try {
    // An empty identifier is not a long_identifier_type.
    (objective as { id: string }).id = '';
  } catch (error) {
    if (error instanceof Error && (error as { errorCode?: unknown }).errorCode === TYPE_MISMATCH) {
      return error.constructor as ValidationErrorClass;
    }
  }
  return undefined;
}

function typeMismatch(element: string): Error {
  return new validationErrorClass!(element, TYPE_MISMATCH);
}

interface ProbeActivity {
  children?: { sequencingRules?: { preConditionRules?: { conditions?: object[] }[] } }[];
}

function prototypeOf(instance: object): Record<string, unknown> {
  return Object.getPrototypeOf(instance) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// The corrections

function corrections(instances: ProbeInstances): MethodPatch[] {
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
    // SB.2.9 Choice Sequencing Request Process, last steps: a target that
    // is a cluster is entered with the Flow Subprocess (SB.2.3, Forward,
    // consider children), whose Flow Activity Traversal (SB.2.2) skips the
    // candidates a skip rule holds for. scorm-again 3.4.3 enters it with its
    // Choice Flow Tree Traversal, which checks no skip rule on a child
    // cluster, so choosing Activity 10 delivers the first leaf of its
    // skipped child cluster (ADL CM-04b, CM-04c: activity_12 instead of
    // activity_14). SB.2.9.1/SB.2.9.2 serve the constrained-choice checks,
    // not delivery.
    {
      className: 'ChoiceRequestHandler',
      prototype: prototypeOf(instances.choiceHandler),
      method: 'choiceFlowSubprocess',
      arity: 1,
      replacement: () =>
        function choiceFlowSubprocess(this: SaChoiceRequestHandler, target: SaActivity): SaActivity | null {
          if (target.children.length === 0) return target;
          const flow = this.traversalService.findFirstDeliverableActivityResult(target);
          return flow.deliverable ? flow.identifiedActivity : null;
        } as never,
    },
    // SB.2.9 Choice Sequencing Request Process: Constrain Choice, Prevent
    // Activation and the traversal from the current activity to the target
    // (choice-constraints.ts has the process). scorm-again 3.4.3 reads
    // Constrain Choice as limiting moves between the children of the
    // cluster that carries it (a flag on the root refuses every jump of more
    // than one activity; ADL CM-16), refuses Prevent Activation on the
    // target's attempt count instead of on the inactive clusters passed on
    // the way to it (ADL CM-07d), and checks Stop Forward Traversal on the
    // target instead of on the activities passed (ADL CM-07f). Its Choice
    // checks run in ChoiceConstraintValidator (for the request and for the
    // table-of-contents look-ahead alike): the traversal check replaces
    // validateAncestorConstraints, which validateChoice skips when no
    // activity is current, so validateChoice applies it then (the choice
    // starts from the root); validatePathToRoot keeps its own checks
    // except its Prevent Activation one.
    {
      className: 'ChoiceConstraintValidator',
      prototype: prototypeOf(instances.constraintValidator),
      method: 'validateAncestorConstraints',
      arity: 2,
      replacement: () =>
        function validateAncestorConstraints(this: unknown, current: ChoiceActivity | null, target: ChoiceActivity): ValidationResult {
          return validation(choiceTraversalException(current, target));
        } as never,
    },
    {
      className: 'ChoiceConstraintValidator',
      prototype: prototypeOf(instances.constraintValidator),
      method: 'validateChoice',
      arity: 2,
      replacement: (original) =>
        function validateChoice(
          this: { validateAncestorConstraints(current: null, target: ChoiceActivity): ValidationResult },
          current: ChoiceActivity | null,
          target: ChoiceActivity,
          options?: unknown,
        ): ValidationResult {
          const result = (original as (this: unknown, ...args: unknown[]) => ValidationResult).call(this, current, target, options);
          if (!result.valid || current) return result;
          return this.validateAncestorConstraints(null, target);
        } as never,
    },
    {
      className: 'ChoiceConstraintValidator',
      prototype: prototypeOf(instances.constraintValidator),
      method: 'validatePathToRoot',
      arity: 1,
      replacement: () =>
        function validatePathToRoot(this: unknown, target: SaChoiceTarget): ValidationResult {
          // SB.2.9 steps 3 and 4 (as 3.4.3 has them): hidden from choice, and the parent's Choice control.
          if (target.parent && !target.parent.sequencingControls.choice) return validation('SB.2.9-5');
          for (let walk: SaChoiceTarget | null = target; walk; walk = walk.parent) {
            if (walk.isHiddenFromChoice) return validation('SB.2.9-4');
          }
          return validation(null);
        } as never,
    },
    // The Choice look-ahead (what the table of contents and
    // adl.nav.request_valid.choice offer) must answer what the Choice would
    // do. Two steps scorm-again 3.4.3's look-ahead leaves out:
    // - SB.2.9 last steps: a target that is a cluster is entered with the
    //   Flow Subprocess (SB.2.3, Forward), and the Choice delivers nothing
    //   when the flow finds no deliverable activity (the cluster's flow is
    //   off, every child is skipped or disabled…): a root without flow is
    //   offered (ADL CM-07b, CM-07c). ADL's reference LMS likewise marks a
    //   cluster unselectable when the flow from it fails.
    // - DB.1.1 Delivery Request Process: every activity from the root to the
    //   delivered one must pass the Check Activity Process (UP.5), so a
    //   cluster whose attempt limit is used up (and that is not active)
    //   stops a Choice of anything inside it (ADL CM-07c: activity_11,
    //   attemptLimit 1, after its attempt). The look-ahead checks only the
    //   target.
    {
      className: 'SequencingProcess',
      prototype: prototypeOf(instances.sequencingProcess),
      method: 'validateNavigationRequest',
      arity: 1,
      replacement: (original) =>
        function validateNavigationRequest(
          this: { activityTree: { getActivity(id: string): SaActivity | null }; traversalService: SaChoiceRequestHandler['traversalService'] },
          request: string,
          targetActivityId?: string | null,
          currentActivity?: SaActivity | null,
        ): ValidationResult {
          const result = (original as (this: unknown, ...args: unknown[]) => ValidationResult).call(this, request, targetActivityId, currentActivity);
          if (!result.valid || request !== 'choice' || !targetActivityId) return result;
          const target = this.activityTree.getActivity(targetActivityId);
          if (!target) return result;
          for (let walk = target.parent; walk; walk = walk.parent) {
            if (!this.traversalService.checkActivityProcess(walk)) return validation('DB.1.1-3');
          }
          if (target.children.length === 0) return result;
          return this.traversalService.findFirstDeliverableActivityResult(target).deliverable ? result : validation('SB.2.9-9');
        } as never,
    },
    // NB.2.1 Navigation Request Process, Choice: the navigation request is
    // valid when the target exists, its parent allows Choice and no active
    // cluster being left forbids Choice Exit; whether the target can be
    // reached is the Choice Sequencing Request Process's question (SB.2.9,
    // above). scorm-again 3.4.3 also applies its own Constrain Choice,
    // Prevent Activation, Forward Only and Stop Forward Traversal checks
    // here (NB.2.1-11, NB.2.1-8), so a Choice that SB.2.9 allows is refused
    // (ADL CM-16: activity_2 → activity_3 under a root with Constrain
    // Choice), and counts an activity whose Stop Forward Traversal rule holds
    // as disabled, so it can never be chosen (ADL CM-07f). Disabled and
    // hidden-from-choice rules still refuse the target.
    {
      className: 'NavigationValidityService',
      prototype: prototypeOf(instances.navigationValidityService),
      method: 'validateConstrainChoice',
      arity: 3,
      replacement: () =>
        function validateConstrainChoice(this: unknown): ValidationResult {
          return validation(null);
        } as never,
    },
    {
      className: 'NavigationValidityService',
      prototype: prototypeOf(instances.navigationValidityService),
      method: 'isActivityDisabled',
      arity: 1,
      replacement: () =>
        function isActivityDisabled(this: unknown, activity: SaChoiceTarget): boolean {
          if (!activity.isAvailable || activity.isHiddenFromChoice) return true;
          return activity.sequencingRules.preConditionRules.some(
            (rule) => (rule.action === 'disabled' || rule.action === 'hiddenFromChoice') && rule.evaluate(activity) === true,
          );
        } as never,
    },
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
    // SB.2.1 Flow Tree Traversal Subprocess, Backward: an activity first
    // among its siblings traverses by applying the process to its parent,
    // which starts with the parent's own check: "If the Sequencing Control
    // Forward Only for the parent of the activity is True, exit (SB.2.1-4)".
    // scorm-again 3.4.3 checks Forward Only only for the parent of the
    // activity it starts from, then climbs to the nearest ancestor with a
    // previous sibling without checking those ancestors' parents, so
    // Previous leaves a cluster inside a Forward Only one backward (ADL
    // CM-07e: from activity_5, first in activity_4, into activity_3 although
    // activity_2 is Forward Only; both the request and the look-ahead).
    {
      className: 'FlowTraversalService',
      prototype: prototypeOf(instances.traversalService),
      method: 'traverseBackward',
      arity: 2,
      replacement: (original) =>
        function traverseBackward(this: SaFlowTraversalService, from: SaActivity, skipChildren: boolean): unknown {
          const entersChildren = !skipChildren && from.getAvailableChildren().length > 0;
          if (!entersChildren && !this.activityTree.getPreviousSibling(from)) {
            for (let current = from; current.parent; current = current.parent) {
              if (current.parent.parent?.sequencingControls.forwardOnly) {
                return { activity: null, endSequencingSession: false, exception: 'SB.2.1-4' };
              }
              if (this.activityTree.getPreviousSibling(current.parent)) break;
            }
          }
          return (original as (this: unknown, ...args: unknown[]) => unknown).call(this, from, skipChildren);
        } as never,
    },
    // SB.2.1 Flow Tree Traversal Subprocess, step 2: backward flow that
    // enters a Forward Only cluster goes through its children forward (step
    // 4.3.1.1), with Backward as the previous traversal direction; when it
    // leaves the last of them (SB.2.2 step 3: every one was skipped), the
    // direction reverses to Backward from the first child, without the
    // Forward Only check (step 4.2.1: reversed direction), and so goes on
    // from the cluster backward: into the activity before the cluster.
    // scorm-again 3.4.3 bounds the forward pass to the cluster and ends the
    // flow at its last child, so a Previous past a cluster whose children
    // are all skipped delivers nothing (ADL CM-03b: from activity_8 past
    // activity_4 into activity_1, whose last child activity_3 is delivered).
    {
      className: 'FlowTraversalService',
      prototype: prototypeOf(instances.traversalService),
      method: 'traverseForward',
      arity: 2,
      replacement: (original) =>
        function traverseForward(
          this: SaFlowTraversalService & { traverseBackward(from: SaActivity, skipChildren: boolean): SaTraversalResult },
          from: SaActivity,
          skipChildren: boolean,
          forwardOnlyCluster: SaActivity | null = null,
        ): SaTraversalResult {
          const leavesLastChild =
            forwardOnlyCluster !== null &&
            from.parent === forwardOnlyCluster &&
            (skipChildren || from.children.length === 0) &&
            forwardOnlyCluster.getAvailableChildren().at(-1) === from;
          if (leavesLastChild) {
            // Step 2.2: from the first child, which is first among its
            // siblings, step 4.2.2 applies the process to the cluster.
            const result = this.traverseBackward(forwardOnlyCluster, true);
            return result.activity && !result.direction ? { ...result, direction: 'backward' } : result;
          }
          return (original as (this: unknown, ...args: unknown[]) => SaTraversalResult).call(this, from, skipChildren, forwardOnlyCluster);
        } as never,
    },
    // Navigation look-ahead for Previous (adl.nav.request_valid.previous and
    // the LMS's Previous control): a Previous request is valid when the
    // Previous Sequencing Request Process (SB.2.8) would deliver something,
    // i.e. the Flow Subprocess (SB.2.3) backward from the current activity
    // identifies a deliverable activity. Backward flow enters a cluster at
    // its last child (SB.2.1), and a candidate that is not skipped but
    // cannot be delivered (a disabled rule, or a parent whose flow is off:
    // SB.2.2-1) ends the flow. scorm-again 3.4.3 guesses instead: a
    // previous sibling counts when any leaf under it could be delivered, so
    // Previous is offered where the request fails (ADL CM-04b: the cluster
    // before activity_15 has flow off; CM-07a: the last child of the
    // cluster before activity_6 is disabled). The look-ahead now runs
    // scorm-again's own Flow Subprocess backward (no delivery is made).
    {
      className: 'NavigationLookAhead',
      prototype: prototypeOf(instances.navigationLookAhead),
      method: 'predictPreviousInternal',
      arity: 1,
      replacement: () =>
        function predictPreviousInternal(this: SaNavigationLookAhead, current: SaActivity): boolean {
          const parent = current.parent;
          // SB.2.8 step 1.1 and SB.2.1 step 4.1 (SB.2.8-2, SB.2.1-4).
          if (!parent || !parent.sequencingControls.flow || parent.sequencingControls.forwardOnly) return false;
          return this.sequencingProcess.traversalService.flowSubprocess(current, 'backward').deliverable;
        } as never,
    },
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
    // Objective Map (SN 4th Ed. 3.10.3, SM.7): a local objective that reads
    // a global objective has the global's status whenever it is evaluated.
    // scorm-again 3.4.3 restores a stored global objective map (the state a
    // first launch inherits: globals left by an earlier attempt or package)
    // without reading it into the activity tree; the tree only takes it on
    // the next synchronization (after a SCO terminates) or at delivery, so
    // the Start's precondition rules evaluate unknown ones and an activity
    // whose mapped objective is completed is not skipped (ADL CO-07b,
    // OB-09b). After a successful restore, the tree reads the map.
    {
      className: 'Scorm2004API',
      prototype: Scorm2004API.prototype as unknown as Record<string, unknown>,
      method: 'deserializeSequencingState',
      arity: 1,
      replacement: (original) =>
        function deserializeSequencingState(this: SaApi, stateData: string): boolean {
          const restored = (original as (this: unknown, stateData: string) => boolean).call(this, stateData);
          if (restored) this.getSequencingService()?.getOverallSequencingProcess()?.synchronizeGlobalObjectives();
          return restored;
        } as never,
    },
    // RTE 4th Ed. 3.1.7.6 / 4.1: GetValue and SetValue take a data model
    // element, the dot-notation name of one value ("cmi.score.scaled"); a
    // name that stops at a part of the model that holds elements ("cmi",
    // "cmi.score", "adl.nav") names no element, and the call fails with 401
    // (Undefined Data Model Element). scorm-again 3.4.3 walks the name into
    // its objects and answers with the object found, or overwrites it:
    // SetValue("cmi", "illegal") replaces the whole run-time data model,
    // after which Terminate throws (ADL DMI). The check applies only while
    // the session is initialized; before and after it scorm-again's own
    // 122/123/132/133 answers stand.
    {
      className: 'Scorm2004API',
      prototype: Scorm2004API.prototype as unknown as Record<string, unknown>,
      method: 'lmsGetValue',
      arity: 1,
      replacement: (original) =>
        function lmsGetValue(this: SaApi, element: string): string {
          if (namesContainer(this, element)) return '';
          return (original as (this: unknown, element: string) => string).call(this, element);
        } as never,
    },
    {
      className: 'Scorm2004API',
      prototype: Scorm2004API.prototype as unknown as Record<string, unknown>,
      method: 'lmsSetValue',
      arity: 2,
      replacement: (original) =>
        function lmsSetValue(this: SaApi, element: string, value: unknown): string {
          if (namesContainer(this, element)) return 'false';
          return (original as (this: unknown, element: string, value: unknown) => string).call(this, element, value);
        } as never,
    },
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
    // RTE 4th Ed. 3.1.7.6 (Data Model Collection Element Request Out Of
    // Range): GetValue of an element of a collection entry at an index at or
    // beyond _count fails with 301 (General Get Failure). scorm-again 3.4.3
    // answers 403 (Data Model Element Value Not Initialized), which tells
    // the content the entry exists (ADL DMI: cmi.objectives.0.id before any
    // objective is set).
    {
      className: 'CMIValueAccessService',
      prototype: prototypeOf(instances.valueAccess),
      method: 'handleGetArrayAccess',
      arity: 7,
      replacement: (original) =>
        function handleGetArrayAccess(this: SaValueAccess, ...args: unknown[]): unknown {
          const [collection, structure, idx, element, scorm2004] = args as [SaCollection, string[], number, string, boolean];
          const index = Number.parseInt(structure[idx + 1] ?? '', 10);
          if (scorm2004 && !Number.isNaN(index) && !collection.childArray[index]) {
            this.context.throwSCORMError(element, GENERAL_GET_FAILURE, `${element}: the collection has no entry at index ${index}`);
            return { refObject: collection, idx, foundFirstIndex: args[5], error: true };
          }
          return (original as (this: unknown, ...args: unknown[]) => unknown).apply(this, args);
        } as never,
    },
    // RTE 4th Ed. 3.1.7.6 / 4.1.1.3: a SetValue that fails changes nothing.
    // scorm-again 3.4.3 adds the new entry of a collection
    // (cmi.objectives.N, cmi.interactions.N…) before it sets the element, and
    // keeps it when the value is refused, so _count grows and the entry holds
    // no id (ADL DMI: SetValue("cmi.objectives.0.id", "") fails with 406,
    // then GetValue("cmi.objectives.0.id") answers "" with 0 instead of 301).
    // The entries a failed SetValue added are removed again.
    {
      className: 'CMIValueAccessService',
      prototype: prototypeOf(instances.valueAccess),
      method: 'setCMIValue',
      arity: 4,
      replacement: (original) =>
        function setCMIValue(this: SaValueAccess, methodName: string, scorm2004: boolean, element: string, value: unknown): string {
          const collections = scorm2004 ? collectionsOnPath(this.context.getDataModel(), element) : [];
          let succeeded = false;
          try {
            const result = (original as (this: unknown, ...args: unknown[]) => string).call(this, methodName, scorm2004, element, value);
            succeeded = result === 'true';
            return result;
          } finally {
            if (!succeeded) for (const { entries, count } of collections) if (entries.length > count) entries.length = count;
          }
        } as never,
    },
    // RTE 4th Ed. 4.1.1.7, long_identifier_type: an identifier that begins
    // with "urn:" is a URN (RFC 2141: "urn:", a namespace identifier of 1 to
    // 32 letters, digits and hyphens starting with a letter or digit, ":",
    // and a non-empty namespace-specific string); anything else of that
    // shape is a type mismatch (406). scorm-again 3.4.3's pattern ends with
    // an alternative that accepts any string, so "urn:" is stored (ADL DMI:
    // cmi.objectives.2.id "urn:"). Applied to the identifiers the content
    // sets: objectives, interactions and their objectives.
    ...(['objective', 'interaction', 'interactionObjective'] as const).map(
      (instance): MethodPatch => ({
        className: prototypeOf(instances[instance]).constructor.name as string,
        prototype: prototypeOf(instances[instance]),
        method: 'id',
        accessor: 'set',
        arity: 1,
        replacement: (original) =>
          function id(this: { _cmi_element: string }, value: unknown): void {
            if (typeof value === 'string' && /^urn:/i.test(value) && !URN.test(value)) throw typeMismatch(`${this._cmi_element}.id`);
            (original as (this: unknown, value: unknown) => void).call(this, value);
          } as never,
      }),
    ),
    // RTE 4th Ed. 4.2.14, cmi.location: a characterstring (SPM 1000), so the
    // empty string is a value the content may set (to clear its bookmark).
    // scorm-again 3.4.3 refuses it with 406 (ADL DMI).
    {
      className: 'CMIContent',
      prototype: prototypeOf(instances.cmiContent),
      method: 'location',
      accessor: 'set',
      arity: 1,
      replacement: (original) =>
        function location(this: { _location: string }, value: unknown): void {
          if (value === '') this._location = '';
          else (original as (this: unknown, value: unknown) => void).call(this, value);
        } as never,
    },
    // RTE 4th Ed. 4.1.1.7, timeinterval (second,10,2): P[yY][mM][dD][T[hH][nM][s[.s]S]],
    // with the T present exactly when an hour, minute or second part
    // follows, and at least one part. scorm-again 3.4.3's pattern makes the
    // T optional and allows weeks and fractions everywhere, so it stores
    // "P1Y6M14DT" and "P1Y6M14D4H15M6.34S" as the session time (ADL DMI),
    // which then goes into cmi.total_time.
    {
      className: 'CMISession',
      prototype: prototypeOf(instances.cmiSession),
      method: 'session_time',
      accessor: 'set',
      arity: 1,
      replacement: (original) =>
        function session_time(this: { _cmi_element: string }, value: unknown): void {
          if (typeof value === 'string' && !TIME_INTERVAL.test(value)) throw typeMismatch(`${this._cmi_element}.session_time`);
          (original as (this: unknown, value: unknown) => void).call(this, value);
        } as never,
    },
  ];
}

/** RTE error 401, Undefined Data Model Element. */
const UNDEFINED_DATA_MODEL_ELEMENT = 401;
/** RTE error 301, General Get Failure. */
const GENERAL_GET_FAILURE = 301;
/** RTE error 406, Data Model Element Type Mismatch. */
const TYPE_MISMATCH = 406;

/** RFC 2141 URN: "urn:" NID ":" NSS. */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;
/** RTE timeinterval (second,10,2); the lookaheads require one part after P and after T. */
const TIME_INTERVAL = /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;

/** scorm-again's CMIArray, as far as the corrections use it. */
interface SaCollection {
  childArray: unknown[];
}

/** scorm-again's CMIValueAccessService, as far as the corrections use it. */
interface SaValueAccess {
  context: {
    getDataModel(): unknown;
    throwSCORMError(element: string, errorNumber: number, message: string): void;
  };
}

/**
 * The collections a dot-notation name passes through, with their entry
 * counts now. The element itself is not read: a write-only one throws.
 */
function collectionsOnPath(model: unknown, element: string): { entries: unknown[]; count: number }[] {
  const found: { entries: unknown[]; count: number }[] = [];
  let node: unknown = model;
  for (const part of element.split('.').slice(0, -1)) {
    if (node === null || typeof node !== 'object') break;
    const entries = (node as Partial<SaCollection>).childArray;
    if (Array.isArray(entries)) {
      found.push({ entries, count: entries.length });
      node = entries[Number(part)];
    } else {
      node = (node as Record<string, unknown>)[part];
    }
  }
  return found;
}

/**
 * The name leads to a part of the data model that holds elements, not to
 * an element; sets error 401 when it does.
 */
function namesContainer(api: SaApi, element: string): boolean {
  if (typeof element !== 'string' || !api.isInitialized()) return false;
  const found = api._peekCMIValue(element);
  if (found === null || typeof found !== 'object') return false;
  api.throwSCORMError(element, UNDEFINED_DATA_MODEL_ELEMENT, `${element} is not a data model element`);
  return true;
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
// RB.1.4 / RB.1.4.1

type Tristate = 'true' | 'false' | 'unknown';

function rollupRuleHolds(childFilter: SaChildFilter, activity: SaActivity, rule: SaRollupRule): boolean {
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
