import { describe, expect, it } from 'vitest';
import { globalObjectiveCourseManifest } from '../../../../test/fixtures/packages/scorm-global-objectives.js';
import { parseScormManifest } from '../packages/manifest/scorm-manifest.parse.js';
import type { StoredCourseState } from './sequencing-state.js';
import { changedSystemGlobals, noSystemGlobals, systemTargets, withSystemGlobals } from './system-globals.js';

// The pure half of the learner's system-global store: which targets a course
// maps, what a launch lays over the course state, and what a save passes on.

const manifest = (o: Parameters<typeof globalObjectiveCourseManifest>[0]) => parseScormManifest(globalObjectiveCourseManifest(o));
const entry = (satisfied: boolean, lastUpdated = '2025-01-01T00:00:00.000Z') => ({ id: 'global.pass', satisfiedStatus: satisfied, satisfiedStatusKnown: true, lastUpdated });
const state = (sequencing: Record<string, unknown>, suspended = false): StoredCourseState => ({ sequencing: JSON.stringify(sequencing), suspended, suspendedRuntimeData: {} });
const globals = (objective?: Record<string, unknown>, store?: string) => {
  const g = noSystemGlobals();
  if (objective) g.objectives.set('global.pass', objective);
  if (store !== undefined) g.sharedData.set('global.notes', store);
  g.objectives.set('global.elsewhere', entry(true));
  return g;
};

describe('system-global targets', () => {
  it('come from the map infos and shared data maps of a course that does not scope them', () => {
    expect(systemTargets(manifest({ identifier: 'w', writes: true }))).toEqual({
      readObjectives: new Set(['global.pass']),
      writeObjectives: new Set(['global.pass']),
      readData: new Set(['global.notes']),
      writeData: new Set(['global.notes']),
    });
    expect(systemTargets(manifest({ identifier: 'r' })).writeObjectives.size).toBe(0);
    const scoped = systemTargets(manifest({ identifier: 's', writes: true, globalToSystem: false }));
    expect([...scoped.readObjectives, ...scoped.writeObjectives, ...scoped.readData, ...scoped.writeData]).toEqual([]);
  });
});

describe('withSystemGlobals', () => {
  it('builds a first state from the mapped targets only', () => {
    const merged = withSystemGlobals(null, globals(entry(true), 'notes'), manifest({ identifier: 'r' }));
    expect(JSON.parse(merged!.sequencing!)).toEqual({ version: '1.0', globalObjectiveMap: { 'global.pass': entry(true) }, sharedData: { 'global.notes': 'notes' } });
    expect(merged).toMatchObject({ suspended: false, suspendedRuntimeData: {} });
  });

  it('replaces the values in a suspended tree too, which the sequencer restores from', () => {
    const own = state({ version: '1.0', sequencing: { globalObjectiveMap: { 'global.pass': entry(false) }, activityStates: {} }, globalObjectiveMap: { 'global.pass': entry(false) } }, true);
    const merged = withSystemGlobals(own, globals(entry(true)), manifest({ identifier: 'r' }))!;
    const parsed = JSON.parse(merged.sequencing!);
    expect(parsed.globalObjectiveMap['global.pass']).toEqual(entry(true));
    expect(parsed.sequencing.globalObjectiveMap['global.pass']).toEqual(entry(true));
    expect(parsed.sequencing.activityStates).toEqual({});
    expect(merged.suspended).toBe(true);
  });

  it('returns the state itself when nothing changes or the course scopes its objectives', () => {
    const own = state({ version: '1.0', globalObjectiveMap: { 'global.pass': entry(true) } });
    expect(withSystemGlobals(own, globals(entry(true)), manifest({ identifier: 'r' }))).toBe(own);
    expect(withSystemGlobals(null, noSystemGlobals(), manifest({ identifier: 'r' }))).toBeNull();
    expect(withSystemGlobals(null, globals(entry(true), 'notes'), manifest({ identifier: 's', globalToSystem: false }))).toBeNull();
  });
});

describe('changedSystemGlobals', () => {
  it('passes on what a writing course changed, not what it carried, and ignores a new lastUpdated alone', () => {
    const writer = manifest({ identifier: 'w', writes: true });
    const before = state({ version: '1.0', globalObjectiveMap: { 'global.pass': entry(false) }, sharedData: { 'global.notes': 'a' } });
    const same = changedSystemGlobals(before, state({ version: '1.0', globalObjectiveMap: { 'global.pass': entry(false, '2026-01-01T00:00:00.000Z') }, sharedData: { 'global.notes': 'a' } }), writer);
    expect([same.objectives.size, same.sharedData.size]).toEqual([0, 0]);
    const changed = changedSystemGlobals(before, state({ version: '1.0', globalObjectiveMap: { 'global.pass': entry(true), 'global.elsewhere': entry(true) }, sharedData: { 'global.notes': 'b' } }), writer);
    expect([...changed.objectives]).toEqual([['global.pass', entry(true)]]);
    expect([...changed.sharedData]).toEqual([['global.notes', 'b']]);
    // A first save after a launch that handed nothing: everything written is new.
    expect(changedSystemGlobals(null, state({ version: '1.0', globalObjectiveMap: { 'global.pass': entry(true) } }), writer).objectives.size).toBe(1);
    // A course that only reads, or scopes its objectives, passes on nothing.
    const after = state({ version: '1.0', globalObjectiveMap: { 'global.pass': entry(true) }, sharedData: { 'global.notes': 'b' } });
    const reader = changedSystemGlobals(before, after, manifest({ identifier: 'r' }));
    const scoped = changedSystemGlobals(before, after, manifest({ identifier: 's', writes: true, globalToSystem: false }));
    expect([reader.objectives.size, reader.sharedData.size, scoped.objectives.size, scoped.sharedData.size]).toEqual([0, 0, 0, 0]);
  });
});
