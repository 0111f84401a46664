// What one learner carries from one ADL test package to the next.
//
// ADL's test procedure has one learner take the packages in order, and a
// global objective outlives the package that wrote it when the organization
// does not scope it to itself (adlseq:objectivesGlobalToSystem, default
// true; CAM 4th ed. 3.4.1.1, SN 4th ed. 3.10.3): a later package that maps
// the same target objective id reads it (ADL SX-11c reads what SX-11a left,
// CO-07b what CO-07a left…). A package with objectivesGlobalToSystem =
// "false" neither reads the learner's global objectives nor leaves its own.
//
// ADL's packages share target objective ids only within a series (SX-11a,
// SX-11b, SX-11c…; adl-suite.test.ts checks it), so taking the earlier
// packages of the series first is taking the suite in order.
//
// The carried state is scorm-again's own serialization with only the global
// objective map in it, the form in which a first launch restores globals
// (the player inherits the same part of a finished attempt, see
// src/server/modules/player/sequencing-state.ts).

import type { ScormManifest } from '../../manifest/scorm-manifest.types.js';
import { defaultOrganization } from '../sequencing/activity-tree.js';
import type { StoredCourseState } from '../sequencing/course-session.js';
import type { LaunchLearner } from '../sequencing/launch-data.js';

/** scorm-again's serialized state version (its SequencingStatePersistence default). */
const SEQUENCING_STATE_VERSION = '1.0';

export class AdlLearnerRecord {
  /** System-global objectives by target objective id, in scorm-again's map entry form. */
  private readonly globalObjectives = new Map<string, unknown>();

  constructor(readonly learner: LaunchLearner) {}

  /** The state a first launch of this package starts from, if the learner's record gives it any. */
  firstLaunchState(manifest: ScormManifest): StoredCourseState | undefined {
    if (!defaultOrganization(manifest).objectivesGlobalToSystem || this.globalObjectives.size === 0) return undefined;
    const globalObjectiveMap = Object.fromEntries(this.globalObjectives);
    return {
      sequencing: JSON.stringify({ version: SEQUENCING_STATE_VERSION, globalObjectiveMap }),
      suspended: false,
      suspendedRuntimeData: {},
    };
  }

  /** Keeps the system-global objectives the package's last launch left. */
  keep(manifest: ScormManifest, state: StoredCourseState): void {
    if (!defaultOrganization(manifest).objectivesGlobalToSystem || !state.sequencing) return;
    const parsed = JSON.parse(state.sequencing) as { globalObjectiveMap?: Record<string, unknown> };
    for (const [id, entry] of Object.entries(parsed.globalObjectiveMap ?? {})) this.globalObjectives.set(id, entry);
  }
}

/**
 * The packages of a series that the learner takes before this one, in order:
 * "SX-11c" follows "SX-11a" and "SX-11b", "CM-09ba" follows "CM-09aa" and
 * "CM-09ab". A package outside any lettered series has none.
 */
export function seriesPredecessors(name: string, allNames: readonly string[]): string[] {
  const series = seriesOf(name);
  if (series === null) return [];
  return allNames.filter((other) => seriesOf(other) === series && other < name).sort();
}

function seriesOf(name: string): string | null {
  return /^([A-Z]+-\d+)[a-z]+$/.exec(name)?.[1] ?? null;
}
