import { describe, expect, it } from 'vitest';
import { parseScormManifest } from '../../manifest/scorm-manifest.parse.js';
import type { StoredCourseState } from '../sequencing/course-session.js';
import { AdlLearnerRecord, seriesPredecessors } from './adl-learner-record.js';

function manifest(globalToSystem: boolean | undefined): ReturnType<typeof parseScormManifest> {
  const attribute = globalToSystem === undefined ? '' : ` adlseq:objectivesGlobalToSystem="${globalToSystem}"`;
  return parseScormManifest(`<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"${attribute}><title>T</title>
    <item identifier="a" identifierref="sco"><title>a</title></item></organization></organizations>
  <resources><resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
</manifest>`);
}

/** A package's stored state holding global objective g with the given completion. */
function leaving(completionStatus: string): StoredCourseState {
  const globalObjectiveMap = { g: { id: 'g', completionStatus, completionStatusKnown: true } };
  return { sequencing: JSON.stringify({ version: '1.0', globalObjectiveMap, activityStates: {} }), suspended: false, suspendedRuntimeData: {} };
}

function inheritedMap(state: StoredCourseState | undefined): unknown {
  return state?.sequencing ? (JSON.parse(state.sequencing) as { globalObjectiveMap: unknown }).globalObjectiveMap : undefined;
}

describe('AdlLearnerRecord', () => {
  const learner = { id: 'l-1', name: 'Learner' };

  it('carries the global objectives of one package to the next, and nothing else', () => {
    const record = new AdlLearnerRecord(learner);
    expect(record.firstLaunchState(manifest(undefined))).toBeUndefined();
    record.keep(manifest(undefined), leaving('incomplete'));
    record.keep(manifest(true), leaving('completed'));
    const state = record.firstLaunchState(manifest(undefined));
    expect(state?.suspended).toBe(false);
    expect(inheritedMap(state)).toEqual({ g: { id: 'g', completionStatus: 'completed', completionStatusKnown: true } });
    expect(JSON.parse(state!.sequencing!)).not.toHaveProperty('activityStates');
  });

  it('neither reads nor keeps the objectives of a package that scopes them to itself', () => {
    const record = new AdlLearnerRecord(learner);
    record.keep(manifest(true), leaving('completed'));
    record.keep(manifest(false), leaving('incomplete'));
    expect(record.firstLaunchState(manifest(false))).toBeUndefined();
    expect(inheritedMap(record.firstLaunchState(manifest(true)))).toEqual({
      g: { id: 'g', completionStatus: 'completed', completionStatusKnown: true },
    });
  });
});

describe('seriesPredecessors', () => {
  const names = ['SX-11c', 'SX-11a', 'SX-11b', 'SX-12', 'CM-09ba', 'CM-09aa', 'CM-09ab', 'CM-01'];

  it('lists the earlier packages of the same lettered series, in order', () => {
    expect(seriesPredecessors('SX-11c', names)).toEqual(['SX-11a', 'SX-11b']);
    expect(seriesPredecessors('SX-11a', names)).toEqual([]);
    expect(seriesPredecessors('CM-09ba', names)).toEqual(['CM-09aa', 'CM-09ab']);
  });

  it('gives a package outside any series none', () => {
    expect(seriesPredecessors('CM-01', names)).toEqual([]);
    expect(seriesPredecessors('SX-12', names)).toEqual([]);
  });
});
