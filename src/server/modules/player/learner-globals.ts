import type { TenantTx } from '../../db/tenant.js';
import type { ScormManifest } from '../packages/manifest/scorm-manifest.types.js';
import type { StoredCourseState } from './sequencing-state.js';
import { changedSystemGlobals, systemTargets, withSystemGlobals } from './system-globals.js';
import { readSystemGlobals, writeSystemGlobals } from './system-globals.repository.js';

// Where the player meets the learner's system-global objectives and shared
// data: a launch lays them over the course state it hands out, a commit
// that stores a course state passes on what the course wrote. A course whose
// organization scopes them (objectivesGlobalToSystem / sharedDataGlobalToSystem
// = "false") maps no system-global targets, so it neither reads nor writes.

/** The course state for a launch of the course: `state` with the learner's current values of the targets it maps. */
export async function courseStateForLaunch(tx: TenantTx, municipalityId: string, personId: string, state: StoredCourseState | null, manifest: ScormManifest): Promise<StoredCourseState | null> {
  const targets = systemTargets(manifest);
  const objectives = [...new Set([...targets.readObjectives, ...targets.writeObjectives])];
  const sharedData = [...new Set([...targets.readData, ...targets.writeData])];
  if (objectives.length === 0 && sharedData.length === 0) return state;
  return withSystemGlobals(state, await readSystemGlobals(tx, municipalityId, personId, { objectives, sharedData }), manifest);
}

/** After a commit stored `after` over `before`: the system-global values the course changed go to the learner's store. */
export async function recordSystemGlobals(tx: TenantTx, municipalityId: string, personId: string, before: unknown, after: StoredCourseState, manifest: ScormManifest): Promise<void> {
  await writeSystemGlobals(tx, municipalityId, personId, changedSystemGlobals(before, after, manifest));
}
