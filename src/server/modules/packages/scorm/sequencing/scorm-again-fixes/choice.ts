// Choice: SB.2.9 Choice Sequencing Request Process (entering a cluster,
// Constrain Choice, Prevent Activation), the Choice look-ahead and NB.2.1's
// checks of a Choice navigation request.

import { choiceTraversalException, type ChoiceActivity } from '../choice-constraints.js';
import { validation, type SaActivity, type SaChoiceRequestHandler, type SaChoiceTarget, type ValidationResult } from './internals.js';
import { prototypeOf, type MethodPatch } from './patch.js';
import type { ProbeInstances } from './probe.js';

/** SB.2.9, its look-ahead, and NB.2.1 for Choice. */
export function choiceCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
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
  ];
}
