// Each correction in scorm-again-fixes.ts on the smallest activity tree that
// shows it: every test here fails against scorm-again 3.4.3 as published.

import { describe, expect, it } from 'vitest';
import { parseScormManifest } from '../../manifest/scorm-manifest.parse.js';
import { CourseSession } from './course-session.js';
import {
  assertVersion,
  checkPatchTarget,
  installScormAgainFixes,
  PATCHED_SCORM_AGAIN_VERSION,
  ScormAgainFixError,
  type SaActivity,
} from './scorm-again-fixes.js';

const learner = { id: 'p-1', name: 'Kari' };

/** A SCORM 2004 4th Ed. manifest: `items` inside the organization, then the organization's sequencing. */
function manifest(items: string, rootSequencing = '<imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="fixes" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Fixes</title>${items}${rootSequencing}</organization>
  </organizations>
  <resources><resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
</manifest>`;
}

const sco = (id: string, inner = '') => `<item identifier="${id}" identifierref="sco"><title>${id}</title>${inner}</item>`;
const cluster = (id: string, children: string, sequencing: string) =>
  `<item identifier="${id}"><title>${id}</title>${children}<imsss:sequencing>${sequencing}</imsss:sequencing></item>`;
const FLOW = '<imsss:controlMode choice="false" flow="true"/>';

function launch(xml: string): CourseSession {
  const session = new CourseSession(parseScormManifest(xml), { learner });
  session.start();
  return session;
}

/** The delivered SCO sets these values, asks for Continue and terminates. */
function finishSco(session: CourseSession, values: Record<string, string> = {}): string | undefined {
  session.api.Initialize('');
  for (const [element, value] of Object.entries(values)) session.api.SetValue(element, value);
  session.api.SetValue('adl.nav.request', 'continue');
  session.api.Terminate('');
  return session.prepareDelivery()?.id;
}

function activity(session: CourseSession, id: string): SaActivity {
  const find = (node: SaActivity): SaActivity | undefined =>
    node.id === id ? node : node.children.map(find).find((found) => found !== undefined);
  const found = find(session.api.getSequencingState().rootActivity as unknown as SaActivity);
  if (!found) throw new Error(`no activity ${id}`);
  return found;
}

describe('scorm-again corrections', () => {
  it('refuses another scorm-again version with a message that says what to do', () => {
    expect(() => assertVersion('3.5.0')).toThrow(ScormAgainFixError);
    expect(() => assertVersion('3.5.0')).toThrow(/scorm-again 3\.5\.0 is installed.*3\.4\.3/);
    expect(() => assertVersion(PATCHED_SCORM_AGAIN_VERSION)).not.toThrow();
    // Installed once when course-session.ts loads; installing again changes nothing.
    expect(() => installScormAgainFixes()).not.toThrow();
  });

  it('refuses to patch a method that is missing or takes other parameters', () => {
    const prototype = { evaluateRollupRule(activity: unknown) { return activity; } };
    const target = { className: 'RollupRuleEvaluator', prototype, method: 'evaluateRollupRule', arity: 2 };
    expect(() => checkPatchTarget(target)).toThrow(/RollupRuleEvaluator\.prototype\.evaluateRollupRule .*refusing to patch/);
    expect(() => checkPatchTarget({ ...target, method: 'gone' })).toThrow(ScormAgainFixError);
    expect(() => checkPatchTarget({ ...target, arity: 1 })).not.toThrow();
  });

  it('UP.1: an ancestor in its last allowed attempt does not stop delivery inside that attempt', () => {
    const session = launch(
      manifest(cluster('pretest', sco('q1') + sco('q2'), `${FLOW}<imsss:limitConditions attemptLimit="1"/>`) + sco('after')),
    );
    expect(session.current?.id).toBe('q1');
    // scorm-again 3.4.3: DB.1.1-3 (the cluster's one attempt counts as used up), nothing delivered.
    expect(finishSco(session)).toBe('q2');
  });

  it('RB.1.4: an unknown child keeps a "none" rollup rule from holding', () => {
    const rules =
      `${FLOW}<imsss:rollupRules><imsss:rollupRule childActivitySet="none"><imsss:rollupConditions>` +
      `<imsss:rollupCondition condition="completed"/></imsss:rollupConditions><imsss:rollupAction action="satisfied"/></imsss:rollupRule></imsss:rollupRules>`;
    const session = launch(manifest(cluster('unit', sco('a') + sco('b'), rules)));
    expect(finishSco(session, { 'cmi.completion_status': 'incomplete' })).toBe('b');
    // a is incomplete, b unknown: "satisfied if none completed" must wait for b (3.4.3 counts b as not completed).
    expect(activity(session, 'unit').objectiveSatisfiedStatusKnown).toBe(false);
  });

  it('RB.1.4: an "all" rule holds over a cluster whose children are all untracked (ADL reference behaviour)', () => {
    const rules =
      `${FLOW}<imsss:rollupRules><imsss:rollupRule childActivitySet="all"><imsss:rollupConditions>` +
      `<imsss:rollupCondition operator="not" condition="objectiveStatusKnown"/></imsss:rollupConditions>` +
      `<imsss:rollupAction action="completed"/></imsss:rollupRule></imsss:rollupRules>`;
    const untracked = '<imsss:sequencing><imsss:deliveryControls tracked="false"/></imsss:sequencing>';
    const session = launch(manifest(cluster('unit', sco('a', untracked) + sco('b', untracked), rules) + sco('after')));
    finishSco(session);
    expect(activity(session, 'unit').completionStatus).toBe('completed');
  });

  it('RB.1.2: a cluster with its own satisfied rules does not fall back to the default rollup', () => {
    const rules =
      `${FLOW}<imsss:rollupRules><imsss:rollupRule childActivitySet="none"><imsss:rollupConditions>` +
      `<imsss:rollupCondition condition="completed"/></imsss:rollupConditions><imsss:rollupAction action="satisfied"/></imsss:rollupRule></imsss:rollupRules>`;
    const session = launch(manifest(cluster('unit', sco('a') + sco('b'), rules) + sco('after')));
    finishSco(session, { 'cmi.completion_status': 'completed' });
    finishSco(session, { 'cmi.completion_status': 'incomplete' });
    // Both children are satisfied (objective set by content is false), but the
    // cluster's only rule does not hold: its status stays unknown (3.4.3: satisfied by default).
    expect(activity(session, 'unit').objectiveSatisfiedStatusKnown).toBe(false);
  });

  it('RB.1.1: the measure of a cluster divides by the weights of all tracked children', () => {
    const session = launch(manifest(cluster('unit', sco('a') + sco('b'), FLOW)));
    finishSco(session, { 'cmi.score.scaled': '1' });
    // a has 1.0, b none yet: 1.0 × 1 / (1 + 1) (3.4.3 divides by a's weight only, and adjusts it).
    expect(activity(session, 'unit').objectiveMeasureStatus).toBe(true);
    expect(activity(session, 'unit').objectiveNormalizedMeasure).toBeCloseTo(0.5);
  });

  it('UP.4 / RB.1.5: a cluster whose attempt ends is rolled up as inactive', () => {
    const sequencing =
      `${FLOW}<imsss:objectives><imsss:primaryObjective satisfiedByMeasure="true">` +
      `<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives>` +
      `<adlseq:rollupConsiderations measureSatisfactionIfActive="false"/>`;
    const session = launch(manifest(cluster('unit', sco('a'), sequencing) + sco('after')));
    expect(finishSco(session, { 'cmi.score.scaled': '0.9' })).toBe('after');
    // While unit was active its measure could not decide; once its attempt ended it must.
    expect(activity(session, 'unit').objectiveSatisfiedStatusKnown).toBe(true);
    expect(activity(session, 'unit').objectiveSatisfiedStatus).toBe(true);
  });

  it('UP.2.1: the progress of an untracked activity is unknown to its rules', () => {
    const mapped = (extra: string) =>
      `<imsss:objectives><imsss:primaryObjective objectiveID="P"/></imsss:objectives>` +
      `<adlseq:objectives><adlseq:objective objectiveID="P"><adlseq:mapInfo targetObjectiveID="g" ${extra}/></adlseq:objective></adlseq:objectives>`;
    const untrackedUnit =
      `<item identifier="unit"><title>unit</title>${sco('inside')}<imsss:sequencing>${FLOW}` +
      `<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="activityProgressKnown"/>` +
      `</imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>` +
      `${mapped('')}<imsss:deliveryControls tracked="false"/></imsss:sequencing></item>`;
    const first = sco('first', `<imsss:sequencing>${mapped('writeCompletionStatus="true"')}</imsss:sequencing>`);
    const session = launch(manifest(first + untrackedUnit + sco('after')));
    // "first" writes "completed" to g; the untracked unit reads it, but keeps no progress of its own.
    expect(finishSco(session, { 'cmi.completion_status': 'completed' })).toBe('inside');
  });

  describe('completed by measure with a progress measure read from a global objective', () => {
    const writer = (extra: string) =>
      sco(
        'writer',
        `<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="P"/></imsss:objectives>` +
          `<adlseq:objectives><adlseq:objective objectiveID="P"><adlseq:mapInfo targetObjectiveID="g" writeCompletionStatus="true" ${extra}/></adlseq:objective></adlseq:objectives></imsss:sequencing>`,
      );
    const reader = (condition: string) =>
      `<item identifier="reader" identifierref="sco"><title>reader</title><imsss:sequencing><imsss:sequencingRules>` +
      `<imsss:preConditionRule><imsss:ruleConditions>${condition}</imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>` +
      `</imsss:sequencingRules><imsss:objectives><imsss:primaryObjective objectiveID="P"/></imsss:objectives>` +
      `<adlseq:objectives><adlseq:objective objectiveID="P"><adlseq:mapInfo targetObjectiveID="g"/></adlseq:objective></adlseq:objectives>` +
      `</imsss:sequencing><adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.5"/></item>`;

    it('is completed when the measure reaches the threshold', () => {
      const session = launch(manifest(writer('writeProgressMeasure="true"') + reader('<imsss:ruleCondition condition="completed"/>') + sco('after')));
      // The writer reports 0.8 on its primary objective and leaves it "incomplete".
      const next = finishSco(session, { 'cmi.objectives.0.id': 'P', 'cmi.objectives.0.progress_measure': '0.8', 'cmi.objectives.0.completion_status': 'incomplete' });
      expect(next).toBe('after');
    });

    it('has unknown progress while no measure is known, whatever completion status it reads', () => {
      const session = launch(
        manifest(writer('') + reader('<imsss:ruleCondition operator="not" condition="activityProgressKnown"/>') + sco('after')),
      );
      // The writer's attempt completes (completion set by content is false) and writes "completed", no measure.
      expect(finishSco(session)).toBe('after');
    });
  });
  it('SM.7: a first launch reads the global objectives it inherits before the Start is sequenced', () => {
    const mapped =
      `<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions>` +
      `<imsss:ruleCondition referencedObjective="P" condition="completed"/></imsss:ruleConditions><imsss:ruleAction action="skip"/>` +
      `</imsss:preConditionRule></imsss:sequencingRules><imsss:objectives><imsss:primaryObjective objectiveID="P"/></imsss:objectives>` +
      `<adlseq:objectives><adlseq:objective objectiveID="P"><adlseq:mapInfo targetObjectiveID="g"/></adlseq:objective></adlseq:objectives></imsss:sequencing>`;
    const inherited = { g: { id: 'g', completionStatus: 'completed', completionStatusKnown: true } };
    const session = new CourseSession(parseScormManifest(manifest(sco('done-before', mapped) + sco('next'))), {
      learner,
      stored: { sequencing: JSON.stringify({ version: '1.0', globalObjectiveMap: inherited }), suspended: false, suspendedRuntimeData: {} },
    });
    session.start();
    // 3.4.3 reads g into the tree only at delivery, after the skip rule was evaluated on unknown.
    expect(session.current?.id).toBe('next');
  });

  it('RTE: GetValue and SetValue refuse a name that holds elements with 401', () => {
    const session = launch(manifest(sco('a')));
    const api = session.api;
    api.Initialize('');
    // 3.4.3 replaces the whole run-time data model with the string.
    expect(api.SetValue('cmi', 'illegal')).toBe('false');
    expect(api.GetLastError()).toBe('401');
    expect(api.GetValue('cmi')).toBe('');
    expect(api.GetLastError()).toBe('401');
    expect(api.GetValue('cmi.score')).toBe('');
    expect(api.GetLastError()).toBe('401');
    expect(api.SetValue('cmi.location', 'here')).toBe('true');
    expect(api.GetValue('cmi.location')).toBe('here');
    expect(api.Terminate('')).toBe('true');
  });

  it('UP.4: a SCO that set cmi.completion_status to "unknown" leaves its progress unknown, up the tree too', () => {
    const progressKnown = '<imsss:ruleConditions><imsss:ruleCondition condition="activityProgressKnown"/></imsss:ruleConditions>';
    const rules =
      `${FLOW}<imsss:sequencingRules><imsss:exitConditionRule>${progressKnown}<imsss:ruleAction action="exit"/></imsss:exitConditionRule>` +
      `<imsss:postConditionRule>${progressKnown}<imsss:ruleAction action="retry"/></imsss:postConditionRule></imsss:sequencingRules>`;
    const session = launch(manifest(cluster('unit', sco('a') + sco('b'), rules) + sco('after')));
    expect(finishSco(session)).toBe('b');
    // 3.4.3 completes b anyway, the unit rolls up to completed and its retry rule starts it again at a.
    expect(finishSco(session, { 'cmi.completion_status': 'unknown' })).toBe('after');
    expect(activity(session, 'b').completionStatus).toBe('unknown');
  });

  it('UP.5 / SB.2.9: a Choice of a cluster with a skip rule enters it by flow', () => {
    const choiceFlow = '<imsss:controlMode choice="true" flow="true"/>';
    const skipIfAttempted =
      `${choiceFlow}<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="attempted"/>` +
      `</imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>`;
    const session = launch(
      manifest(
        cluster('outer', cluster('inner', sco('i1') + sco('i2'), skipIfAttempted) + sco('o2'), choiceFlow) + sco('after'),
        `<imsss:sequencing>${choiceFlow}</imsss:sequencing>`,
      ),
    );
    expect(session.current?.id).toBe('i1');
    const choose = (target: string): string | undefined => {
      session.api.Initialize('');
      session.api.SetValue('adl.nav.request', `{target=${target}}choice`);
      session.api.Terminate('');
      return session.prepareDelivery()?.id;
    };
    // inner is attempted, so its skip rule holds: still a valid Choice target (3.4.3: SB.2.9-5, nothing delivered).
    expect(choose('inner')).toBe('i1');
    // Choosing outer flows into it and skips inner (3.4.3 enters inner and delivers i1).
    expect(choose('outer')).toBe('o2');
  });

  it('navigation look-ahead: Previous is offered only when backward flow finds a deliverable activity', () => {
    const session = launch(
      manifest(
        cluster('unit', sco('u1') + sco('u2'), '<imsss:controlMode choice="true" flow="false"/>') + sco('after'),
        '<imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing>',
      ),
    );
    // The flow cannot enter unit (its flow is off), so the Start delivers nothing; the learner picks "after".
    expect(session.navigate('choice', 'after')).toBe(true);
    expect(session.current?.id).toBe('after');
    // Backward flow enters unit at u2, whose parent does not allow flow (SB.2.2-1). 3.4.3 offers Previous.
    expect(session.navigationState().previous).toBe(false);
  });
});
