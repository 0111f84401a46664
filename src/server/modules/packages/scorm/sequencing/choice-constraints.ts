// The checks of SB.2.9 Choice Sequencing Request Process (SCORM 2004 4th Ed.
// SN) between the target's own checks (exists, not hidden, its parent allows
// choice) and its delivery: can the learner get from the current activity to
// the target? scorm-again-fixes/choice.ts installs them in place of scorm-again's
// own, which read Constrain Choice and Prevent Activation differently.
//
// The cases and their order follow ADL's reference sequencer
// (ADLSequencer.doSequencingRequest, Choice cases 1 to 5), which produced
// the expected results of ADL's conformance suite:
//
// 1. the target is the current activity: nothing to check;
// 2. the target is a sibling: every activity passed from the current one
//    (the target excluded) must allow the traversal (SB.2.4: Forward, no
//    Stop Forward Traversal rule holds; Backward, the parent is not Forward
//    Only);
// 3. the target is below the current activity (or no activity is current):
//    every cluster on the way down must allow Forward traversal, and an
//    inactive one with Prevent Activation stops the choice (SB.2.9-6);
// 4. the target is an ancestor of the current activity: every cluster left
//    on the way up must allow Choice Exit (SB.2.9-7);
// 5. otherwise: the way up as in 4; the nearest cluster on it (below the
//    common ancestor) with Constrain Choice is the constrained activity, and
//    the target must be the activity one Choice Flow step (SB.2.9.1/SB.2.9.2)
//    before or after it, or below that one (SB.2.9-8); the way down as in 3.
//
// So Constrain Choice limits moves out of the constrained cluster, relative
// to its own position: a flag on the root constrains nothing, and a flag on
// the common ancestor of the current activity and the target neither.
// Prevent Activation is read on the clusters passed on the way down, not on
// the target.
//
// No Node-only API: the browser player installs these too.

/** scorm-again's Activity, as far as these checks read it. */
export interface ChoiceActivity {
  id: string;
  parent: ChoiceActivity | null;
  isActive: boolean;
  sequencingControls: { choiceExit: boolean; constrainChoice: boolean; preventActivation: boolean; forwardOnly: boolean };
  sequencingRules: { preConditionRules: { action: string; evaluate(activity: ChoiceActivity): boolean }[] };
  getAvailableChildren(): ChoiceActivity[];
}

type Direction = 'forward' | 'backward';

/**
 * Why the Choice from `current` to `target` fails (an SN exception code),
 * or null when nothing between them stops it. `current` is null before the
 * sequencing session has begun: the choice starts from the root.
 */
export function choiceTraversalException(current: ChoiceActivity | null, target: ChoiceActivity): string | null {
  const root = rootOf(target);
  const from = current ?? root;
  const common = current ? commonAncestor(from, target) : root;
  if (!common) return 'SB.2.9-5';
  // Case 1.
  if (from === target) return null;
  // Case 2.
  if (from.parent !== null && from.parent === target.parent) {
    const siblings = from.parent.getAvailableChildren();
    const direction: Direction = siblings.indexOf(target) < siblings.indexOf(from) ? 'backward' : 'forward';
    const step = direction === 'forward' ? 1 : -1;
    for (let index = siblings.indexOf(from); index >= 0 && index < siblings.length && siblings[index] !== target; index += step) {
      const exception = choiceActivityTraversal(siblings[index]!, direction);
      if (exception) return exception;
    }
    return null;
  }
  // Case 3.
  if (from === common) return wayDown(target, common);
  // Case 4.
  if (target === common) return wayUp(from, common).exception;
  // Case 5.
  const up = wayUp(from, common);
  if (up.exception) return up.exception;
  if (up.constrained) {
    const direction: Direction = preorderIndex(root, target) > preorderIndex(root, up.constrained) ? 'forward' : 'backward';
    const consider = choiceFlowTreeTraversal(up.constrained, direction) ?? up.constrained;
    if (target !== consider && target !== up.constrained && !isAncestor(consider, target)) return 'SB.2.9-8';
  }
  return wayDown(target, common);
}

/** The clusters from the current activity's parent up to the common ancestor (excluded). */
function wayUp(from: ChoiceActivity, common: ChoiceActivity): { exception: string | null; constrained: ChoiceActivity | null } {
  let constrained: ChoiceActivity | null = null;
  for (let walk = from.parent; walk && walk !== common; walk = walk.parent) {
    if (!walk.sequencingControls.choiceExit) return { exception: 'SB.2.9-7', constrained };
    if (!constrained && walk.sequencingControls.constrainChoice) constrained = walk;
  }
  return { exception: null, constrained };
}

/** The clusters from the target's parent down from the common ancestor (included). */
function wayDown(target: ChoiceActivity, common: ChoiceActivity): string | null {
  for (let walk = target.parent; walk && walk !== common; walk = walk.parent) {
    const exception = choiceActivityTraversal(walk, 'forward');
    if (exception) return exception;
    if (!walk.isActive && walk.sequencingControls.preventActivation) return 'SB.2.9-6';
  }
  return choiceActivityTraversal(common, 'forward');
}

/** SB.2.4 Choice Activity Traversal Subprocess. */
function choiceActivityTraversal(activity: ChoiceActivity, direction: Direction): string | null {
  if (direction === 'forward') {
    const stopped = activity.sequencingRules.preConditionRules.some(
      (rule) => rule.action === 'stopForwardTraversal' && rule.evaluate(activity) === true,
    );
    return stopped ? 'SB.2.4-1' : null;
  }
  if (!activity.parent) return 'SB.2.4-3';
  return activity.parent.sequencingControls.forwardOnly ? 'SB.2.4-2' : null;
}

/**
 * SB.2.9.2 Choice Flow Tree Traversal Subprocess: the next (previous)
 * sibling of the activity or, when it is the last (first), of its nearest
 * ancestor that has one; null at either end of the tree.
 */
export function choiceFlowTreeTraversal(activity: ChoiceActivity, direction: Direction): ChoiceActivity | null {
  const parent = activity.parent;
  if (!parent) return null;
  const siblings = parent.getAvailableChildren();
  const index = siblings.indexOf(activity);
  const next = siblings[direction === 'forward' ? index + 1 : index - 1];
  if (index === -1 || !next) return choiceFlowTreeTraversal(parent, direction);
  return next;
}

/**
 * ADL's common ancestor for Choice: the nearest cluster that holds the
 * current activity (itself when it is a cluster) and the target's cluster
 * (the target itself when it is a cluster).
 */
function commonAncestor(from: ChoiceActivity, target: ChoiceActivity): ChoiceActivity | null {
  const to = isLeaf(target) ? target.parent : target;
  if (!to) return target;
  for (let walk: ChoiceActivity | null = isLeaf(from) ? from.parent : from; walk; walk = walk.parent) {
    if (walk === to || isAncestor(walk, to)) return walk;
  }
  return null;
}

function isLeaf(activity: ChoiceActivity): boolean {
  return activity.getAvailableChildren().length === 0;
}

function isAncestor(ancestor: ChoiceActivity, activity: ChoiceActivity): boolean {
  for (let walk = activity.parent; walk; walk = walk.parent) if (walk === ancestor) return true;
  return false;
}

function rootOf(activity: ChoiceActivity): ChoiceActivity {
  let root = activity;
  while (root.parent) root = root.parent;
  return root;
}

/** The activity's position in a preorder walk of the tree (-1: not in it). */
function preorderIndex(root: ChoiceActivity, activity: ChoiceActivity): number {
  let index = 0;
  const visit = (node: ChoiceActivity): boolean => {
    if (node === activity) return true;
    index++;
    return node.getAvailableChildren().some(visit);
  };
  return visit(root) ? index : -1;
}
