// Flow: SB.2.1 Flow Tree Traversal Subprocess (Forward Only, backward flow
// through a Forward Only cluster) and the look-ahead for Previous.

import type { SaActivity, SaFlowTraversalService, SaNavigationLookAhead, SaTraversalResult } from './internals.js';
import { prototypeOf, type MethodPatch } from './patch.js';
import type { ProbeInstances } from './probe.js';

/** SB.2.1 and the Previous look-ahead. */
export function flowCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
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
  ];
}
