import { defaultOrganizationOf } from '../packages/manifest/default-organization.js';
import type { ScormItem, ScormManifest, SequencingDefinition } from '../packages/manifest/scorm-manifest.types.js';
import { isStoredCourseState, type StoredCourseState } from './sequencing-state.js';

// The learner's global objectives and shared data stores across SCORM 2004
// courses (adlseq:objectivesGlobalToSystem and adlcp:sharedDataGlobalToSystem,
// both true unless the organization says "false"; CAM 4th ed. 3.4.1.1, SN
// 4th ed. 3.10.3). The values travel in scorm-again's own serialization of
// the sequencing state: `globalObjectiveMap` (target objective id → entry)
// and `sharedData` (target id → store). These functions are pure; the store
// itself is system-globals.repository.ts.
//
// A course reads only the targets its manifest maps, and the store learns
// only what the course could write (a write map) and did change since the
// state it was handed: a course that merely carries a value it was given
// must not overwrite a newer value another course wrote meanwhile.

/** scorm-again's serialized state version (its SequencingStatePersistence default). */
const SEQUENCING_STATE_VERSION = '1.0';

export type GlobalObjectiveEntry = Record<string, unknown>;

export type SystemGlobals = {
  objectives: Map<string, GlobalObjectiveEntry>;
  sharedData: Map<string, string>;
};

export const noSystemGlobals = (): SystemGlobals => ({ objectives: new Map(), sharedData: new Map() });

type Targets = { readObjectives: Set<string>; writeObjectives: Set<string>; readData: Set<string>; writeData: Set<string> };

/** Does the course share anything with the learner's other courses at all? */
export function sharesSystemGlobals(manifest: ScormManifest): { objectives: boolean; sharedData: boolean } {
  const organization = defaultOrganizationOf(manifest);
  return { objectives: organization?.objectivesGlobalToSystem ?? false, sharedData: organization?.sharedDataGlobalToSystem ?? false };
}

/** The global targets the course's organization maps, by direction. Only system-global ones count. */
export function systemTargets(manifest: ScormManifest): Targets {
  const targets: Targets = { readObjectives: new Set(), writeObjectives: new Set(), readData: new Set(), writeData: new Set() };
  const organization = defaultOrganizationOf(manifest);
  if (!organization) return targets;
  const scoped = sharesSystemGlobals(manifest);
  const fromSequencing = (s: SequencingDefinition | undefined) => {
    if (!s || !scoped.objectives) return;
    for (const objective of [...(s.objectives.primary ? [s.objectives.primary] : []), ...s.objectives.secondary]) {
      for (const m of objective.mapInfo) {
        if (m.readSatisfiedStatus || m.readNormalizedMeasure) targets.readObjectives.add(m.targetObjectiveId);
        if (m.writeSatisfiedStatus || m.writeNormalizedMeasure) targets.writeObjectives.add(m.targetObjectiveId);
      }
    }
    for (const objective of s.adlObjectives) {
      for (const m of objective.mapInfo) {
        if (m.readRawScore || m.readMinScore || m.readMaxScore || m.readCompletionStatus || m.readProgressMeasure) targets.readObjectives.add(m.targetObjectiveId);
        if (m.writeRawScore || m.writeMinScore || m.writeMaxScore || m.writeCompletionStatus || m.writeProgressMeasure) targets.writeObjectives.add(m.targetObjectiveId);
      }
    }
  };
  const walk = (items: ScormItem[]) => {
    for (const item of items) {
      fromSequencing(item.sequencing);
      if (scoped.sharedData) {
        for (const m of item.sharedData) {
          if (m.readSharedData) targets.readData.add(m.targetId);
          if (m.writeSharedData) targets.writeData.add(m.targetId);
        }
      }
      walk(item.children);
    }
  };
  fromSequencing(organization.sequencing);
  walk(organization.items);
  return targets;
}

type ParsedState = Record<string, unknown> & { globalObjectiveMap?: unknown; sharedData?: unknown; sequencing?: unknown };

function parseSequencing(state: unknown): ParsedState | null {
  if (!isStoredCourseState(state) || !state.sequencing) return null;
  try {
    const parsed: unknown = JSON.parse(state.sequencing);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ParsedState) : null;
  } catch {
    return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function globalsIn(parsed: ParsedState | null): SystemGlobals {
  const globals = noSystemGlobals();
  if (!parsed) return globals;
  if (isRecord(parsed.globalObjectiveMap)) {
    for (const [id, entry] of Object.entries(parsed.globalObjectiveMap)) if (id && isRecord(entry)) globals.objectives.set(id, entry);
  }
  if (isRecord(parsed.sharedData)) {
    for (const [id, store] of Object.entries(parsed.sharedData)) if (id && typeof store === 'string') globals.sharedData.set(id, store);
  }
  return globals;
}

// scorm-again stamps an entry's lastUpdated whenever its sequencer rewrites
// it, also with the same values: that alone is no change.
function sameEntry(a: GlobalObjectiveEntry | undefined, b: GlobalObjectiveEntry): boolean {
  if (!a) return false;
  const values = (e: GlobalObjectiveEntry) => JSON.stringify(Object.entries(e).filter(([k]) => k !== 'lastUpdated').sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return values(a) === values(b);
}

/**
 * What the store learns from a persisted course state: the system-global
 * objectives and shared data stores the course writes and that differ from
 * the state it had before (the attempt's stored state, which a launch
 * already merged the store into).
 */
export function changedSystemGlobals(before: unknown, after: StoredCourseState, manifest: ScormManifest): SystemGlobals {
  const changed = noSystemGlobals();
  const targets = systemTargets(manifest);
  if (targets.writeObjectives.size === 0 && targets.writeData.size === 0) return changed;
  const previous = globalsIn(parseSequencing(before));
  const next = globalsIn(parseSequencing(after));
  for (const [id, entry] of next.objectives) {
    if (targets.writeObjectives.has(id) && !sameEntry(previous.objectives.get(id), entry)) changed.objectives.set(id, entry);
  }
  for (const [id, store] of next.sharedData) {
    if (targets.writeData.has(id) && previous.sharedData.get(id) !== store) changed.sharedData.set(id, store);
  }
  return changed;
}

/**
 * The course state a launch hands the player: `state` (the attempt's own, or
 * what a new attempt inherits, or nothing) with the learner's system-global
 * values of the targets the course maps laid over it. The store's value wins:
 * every persist of this course also updates the store, so the store is never
 * older than the course's own copy. Returns `state` itself when nothing
 * changes.
 */
export function withSystemGlobals(state: StoredCourseState | null, globals: SystemGlobals, manifest: ScormManifest): StoredCourseState | null {
  const targets = systemTargets(manifest);
  const mapped = (ids: Set<string>, ...within: Set<string>[]) => [...ids].filter((id) => within.some((w) => w.has(id)));
  const objectiveIds = mapped(new Set(globals.objectives.keys()), targets.readObjectives, targets.writeObjectives);
  const dataIds = mapped(new Set(globals.sharedData.keys()), targets.readData, targets.writeData);
  if (objectiveIds.length === 0 && dataIds.length === 0) return state;

  const parsed: ParsedState = parseSequencing(state) ?? { version: SEQUENCING_STATE_VERSION };
  const before = JSON.stringify(parsed);
  if (objectiveIds.length > 0) {
    const map = isRecord(parsed.globalObjectiveMap) ? { ...parsed.globalObjectiveMap } : {};
    for (const id of objectiveIds) map[id] = globals.objectives.get(id);
    parsed.globalObjectiveMap = map;
    // A suspended course restores its sequencer from the map inside the
    // serialized tree, which takes precedence over the top-level one.
    if (isRecord(parsed.sequencing) && isRecord(parsed.sequencing.globalObjectiveMap)) {
      const inner = { ...parsed.sequencing.globalObjectiveMap };
      for (const id of objectiveIds) inner[id] = globals.objectives.get(id);
      parsed.sequencing = { ...parsed.sequencing, globalObjectiveMap: inner };
    }
  }
  if (dataIds.length > 0) {
    const data = isRecord(parsed.sharedData) ? { ...parsed.sharedData } : {};
    for (const id of dataIds) data[id] = globals.sharedData.get(id);
    parsed.sharedData = data;
  }
  const sequencing = JSON.stringify(parsed);
  if (state?.sequencing !== undefined && sequencing === before) return state;
  return { ...(state ?? { suspended: false, suspendedRuntimeData: {} }), sequencing };
}
