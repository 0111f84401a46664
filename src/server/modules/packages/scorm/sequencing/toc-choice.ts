// What the table of contents may offer the learner, shared by the browser
// player and the ADL test driver so that both apply one rule.
//
// Choosing the activity that is already running changes nothing for the
// learner, nor does choosing a cluster whose only activity is the running
// one: the sequencer would deliver the same SCO. Such entries are not a
// choice, and a table of contents that offers nothing else is not usable
// (ADL CM-07a: a SCO with choiceExit = false leaves it disabled; SX-08a: in
// a one-SCO course the root leads only to that SCO).
//
// No Node-only API: the browser player imports this.

import type { ScormItem, ScormOrganization } from '../../manifest/scorm-manifest.types.js';

/** The activity is the running one, or a cluster (or the root) whose only leaf is. */
export function leadsOnlyToCurrent(organization: ScormOrganization, activityId: string, currentId: string | undefined): boolean {
  if (currentId === undefined) return false;
  if (activityId === currentId) return true;
  const children = activityId === organization.identifier ? organization.items : findItem(organization.items, activityId)?.children;
  const leaves = leafIds(children ?? []);
  return leaves.length === 1 && leaves[0] === currentId;
}

/** The table of contents offers at least one choice that leads somewhere else. */
export function offersChoice(organization: ScormOrganization, choosable: Iterable<string>, currentId: string | undefined): boolean {
  for (const id of choosable) if (!leadsOnlyToCurrent(organization, id, currentId)) return true;
  return false;
}

function findItem(items: ScormItem[], id: string): ScormItem | undefined {
  for (const item of items) {
    if (item.identifier === id) return item;
    const found = findItem(item.children, id);
    if (found) return found;
  }
  return undefined;
}

function leafIds(items: ScormItem[]): string[] {
  return items.flatMap((item) => (item.children.length ? leafIds(item.children) : [item.identifier]));
}
