import type { CourseReport } from '../../../shared/api/player.js';
import { defaultOrganizationOf } from '../packages/manifest/default-organization.js';
import type { ScormManifest } from '../packages/manifest/scorm-manifest.types.js';

// What of a finished SCORM 2004 attempt the next attempt inherits. Global
// objectives outlive an attempt on the course only when the organization
// declares them global to the system (adlseq:objectivesGlobalToSystem, CAM
// 4th ed. 3.4.1.1), and shared data likewise (adlcp:sharedDataGlobalToSystem);
// the activity tree and suspended run-time data never do.

export type StoredCourseState = CourseReport['state'];

export function isStoredCourseState(value: unknown): value is StoredCourseState {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.suspended === 'boolean' && (v.sequencing === undefined || typeof v.sequencing === 'string') && !!v.suspendedRuntimeData && typeof v.suspendedRuntimeData === 'object';
}

export function inheritedCourseState(previous: unknown, manifest: ScormManifest): StoredCourseState | null {
  if (!isStoredCourseState(previous) || !previous.sequencing) return null;
  const organization = defaultOrganizationOf(manifest);
  if (!organization) return null;
  let state: Record<string, unknown>;
  try {
    state = JSON.parse(previous.sequencing) as Record<string, unknown>;
  } catch {
    return null;
  }
  const kept: Record<string, unknown> = { version: state.version };
  if (organization.objectivesGlobalToSystem) {
    kept.globalObjectives = state.globalObjectives;
    kept.globalObjectiveMap = state.globalObjectiveMap;
  }
  if (organization.sharedDataGlobalToSystem) kept.sharedData = state.sharedData;
  if (Object.keys(kept).length === 1) return null;
  return { sequencing: JSON.stringify(kept), suspended: false, suspendedRuntimeData: {} };
}
