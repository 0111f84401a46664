// Each correction in scorm-again-fixes/ on the smallest activity tree that
// shows it: every test here fails against scorm-again 3.4.3 as published.

import { describe, expect, it } from 'vitest';
import { parseScormManifest } from '../../../manifest/scorm-manifest.parse.js';
import { CourseSession } from '../course-session.js';
import {
  assertVersion,
  checkPatchTarget,
  installScormAgainFixes,
  PATCHED_SCORM_AGAIN_VERSION,
  ScormAgainFixError,
  type SaActivity,
} from './index.js';

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

  describe('RTE run-time data', () => {
    function initialized() {
      const api = launch(manifest(sco('a'))).api;
      api.Initialize('');
      return api;
    }

    it('GetValue of a collection entry beyond _count fails with 301', () => {
      const api = initialized();
      // 3.4.3: 403, as if the entry existed with no value.
      expect(api.GetValue('cmi.objectives.0.id')).toBe('');
      expect(api.GetLastError()).toBe('301');
      expect(api.GetValue('cmi.interactions.0.id')).toBe('');
      expect(api.GetLastError()).toBe('301');
      expect(api.SetValue('cmi.objectives.0.id', 'obj-1')).toBe('true');
      expect(api.GetValue('cmi.objectives.0.id')).toBe('obj-1');
      expect(api.GetLastError()).toBe('0');
    });

    it('a SetValue that fails adds no collection entry', () => {
      const api = initialized();
      expect(api.SetValue('cmi.objectives.0.id', '')).toBe('false');
      expect(api.GetLastError()).toBe('406');
      // 3.4.3 keeps the half-made entry: _count 1, and its id reads as "" with 0.
      expect(api.GetValue('cmi.objectives._count')).toBe('0');
      expect(api.SetValue('cmi.objectives.0.id', 'obj-1')).toBe('true');
      expect(api.GetValue('cmi.objectives._count')).toBe('1');
    });

    it('an identifier that begins with "urn:" must be a URN', () => {
      const api = initialized();
      // 3.4.3 accepts any string here.
      expect(api.SetValue('cmi.objectives.0.id', 'urn:')).toBe('false');
      expect(api.GetLastError()).toBe('406');
      expect(api.SetValue('cmi.objectives.0.id', 'urn:adl:')).toBe('false');
      expect(api.SetValue('cmi.interactions.0.id', 'urn:-x:1')).toBe('false');
      expect(api.SetValue('cmi.objectives.0.id', 'urn:adl:lmsTest/OBJ01')).toBe('true');
      expect(api.GetValue('cmi.objectives.0.id')).toBe('urn:adl:lmsTest/OBJ01');
      expect(api.SetValue('cmi.interactions.0.id', 'question-1')).toBe('true');
    });

    it('cmi.location may be set to the empty string', () => {
      const api = initialized();
      expect(api.SetValue('cmi.location', 'page-3')).toBe('true');
      // 3.4.3: 406.
      expect(api.SetValue('cmi.location', '')).toBe('true');
      expect(api.GetValue('cmi.location')).toBe('');
      expect(api.GetLastError()).toBe('0');
    });

    it('cmi.session_time must be a timeinterval', () => {
      const api = initialized();
      // 3.4.3 accepts these: a T with no time part, time parts without the T, weeks.
      for (const invalid of ['P1Y6M14DT', 'P1Y6M14D4H15M6.34S', 'P', 'PT', 'P2W', 'P1.5D']) {
        expect(api.SetValue('cmi.session_time', invalid), invalid).toBe('false');
        expect(api.GetLastError()).toBe('406');
      }
      for (const valid of ['P1Y6M14DT4H15M6.34S', 'PT15M', 'P14D', 'PT0S']) {
        expect(api.SetValue('cmi.session_time', valid), valid).toBe('true');
      }
    });
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

  describe('SB.2.9: which Choice targets can be reached from the current activity', () => {
    const CHOICE = '<imsss:controlMode choice="true" flow="true"/>';
    const constrain = (flags: string) => `<adlseq:constrainedChoiceConsiderations ${flags}/>`;
    const choiceRoot = (extra = '') => `<imsss:sequencing>${CHOICE}${extra}</imsss:sequencing>`;
    const choosable = (session: CourseSession) => [...session.navigationState().choosable].sort();
    /** The running SCO asks for a Choice and terminates; returns what was delivered. */
    const choose = (session: CourseSession, target: string): string | undefined => {
      session.api.Initialize('');
      session.api.SetValue('adl.nav.request', `{target=${target}}choice`);
      session.api.Terminate('');
      return session.prepareDelivery()?.id;
    };

    it('Constrain Choice on the root constrains nothing', () => {
      const session = launch(manifest(sco('a1') + sco('a2') + sco('a3'), choiceRoot(constrain('constrainChoice="true"'))));
      expect(session.current?.id).toBe('a1');
      // 3.4.3 reads the flag as "one step between the root's children": a3 is refused (NB.2.1-11).
      expect(choosable(session)).toContain('a3');
      expect(choose(session, 'a3')).toBe('a3');
      expect(choose(session, 'a1')).toBe('a1');
    });

    it('Constrain Choice limits leaving the flagged cluster to the activity one flow step before or after it', () => {
      const session = launch(
        manifest(
          cluster('first', sco('f1') + sco('f2'), `${CHOICE}${constrain('constrainChoice="true"')}`) +
            cluster('second', sco('s1') + sco('s2'), CHOICE) +
            sco('third'),
          choiceRoot(),
        ),
      );
      expect(session.current?.id).toBe('f1');
      // Inside the cluster nothing is constrained; out of it, only "second" and what it holds.
      // 3.4.3 lets the learner leave for "third".
      expect(choosable(session)).toEqual(expect.arrayContaining(['f2', 'second', 's1', 's2']));
      expect(choosable(session)).not.toContain('third');
      expect(choose(session, 'third')).toBeUndefined();
      // The SCO has terminated; the learner picks in the table of contents.
      expect(session.navigate('choice', 's2')).toBe(true);
      expect(session.current?.id).toBe('s2');
    });

    it('Prevent Activation stops a Choice into an inactive cluster, not a move inside an active one', () => {
      const session = launch(
        manifest(
          cluster('guarded', sco('g1') + sco('g2'), `${CHOICE}${constrain('preventActivation="true"')}`) + sco('other'),
          choiceRoot(),
        ),
      );
      expect(session.current?.id).toBe('g1');
      // guarded is active: its children can be chosen (3.4.3 refuses g2, which has no attempt yet).
      expect(choosable(session)).toContain('g2');
      expect(choose(session, 'g2')).toBe('g2');
      expect(choose(session, 'other')).toBe('other');
      // From outside, guarded is inactive: none of its children can be chosen.
      expect(choosable(session)).not.toContain('g1');
      expect(choose(session, 'g1')).toBeUndefined();
    });

    it('the look-ahead offers a cluster only when flow into it finds an activity, and nothing inside a used-up cluster', () => {
      const session = launch(
        manifest(
          sco('intro') +
            cluster('noflow', sco('n1'), '<imsss:controlMode choice="true" flow="false"/>') +
            cluster('once', sco('o1') + sco('o2'), `${CHOICE}<imsss:limitConditions attemptLimit="1"/>`) +
            sco('outro'),
          choiceRoot(),
        ),
      );
      expect(session.current?.id).toBe('intro');
      // Flow cannot enter "noflow" (3.4.3 offers it; the Choice then delivers nothing). Its child can be chosen.
      expect(choosable(session)).not.toContain('noflow');
      expect(choosable(session)).toContain('n1');
      expect(choose(session, 'o1')).toBe('o1');
      expect(choose(session, 'outro')).toBe('outro');
      // "once" has had its one attempt: DB.1.1 refuses anything in it (3.4.3 offers o1 and o2).
      expect(choosable(session)).not.toContain('o2');
      expect(session.navigate('choice', 'o2')).toBe(false);
      expect(session.current?.id).toBe('outro');
    });

    it('a Stop Forward Traversal rule stops passing the activity, not choosing it', () => {
      const stop =
        '<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/>' +
        '</imsss:ruleConditions><imsss:ruleAction action="stopForwardTraversal"/></imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>';
      const session = launch(manifest(sco('a1', stop) + sco('a2') + sco('a3'), choiceRoot()));
      expect(session.current?.id).toBe('a1');
      // From a1, moving forward passes a1 itself (3.4.3 offers a2 and a3).
      expect(choosable(session)).not.toContain('a2');
      expect(choose(session, 'a2')).toBeUndefined();
      session.navigate('continue');
      expect(session.current?.id).toBe('a2');
      // a1 can be chosen (3.4.3 counts it as disabled); forward from a2 passes no rule.
      expect(choosable(session)).toEqual(expect.arrayContaining(['a1', 'a3']));
      expect(choose(session, 'a1')).toBe('a1');
    });
  });

  it('SB.2.1: Previous does not climb out backward through a Forward Only cluster', () => {
    const session = launch(
      manifest(
        sco('first') +
          cluster('course', sco('c1') + cluster('unit', sco('u1') + sco('u2'), FLOW), '<imsss:controlMode choice="false" flow="true" forwardOnly="true"/>'),
      ),
    );
    expect(session.current?.id).toBe('first');
    expect(finishSco(session)).toBe('c1');
    expect(finishSco(session)).toBe('u1');
    // u1 is first in unit, whose parent is Forward Only: backward flow ends (SB.2.1-4).
    // 3.4.3 offers Previous and delivers c1.
    expect(session.navigationState().previous).toBe(false);
    session.api.Initialize('');
    session.api.Terminate('');
    expect(session.navigate('previous')).toBe(false);
    expect(session.current?.id).toBe('u1');
  });

  it('NB.2.1: a SCO\'s Jump to its own activity ends its attempt and delivers it in a new one', () => {
    const session = launch(manifest(sco('a') + sco('b')));
    session.api.Initialize('');
    session.api.SetValue('adl.nav.request', '{target=a}jump');
    session.api.Terminate('');
    // 3.4.3 ends no attempt for a Jump, so a stays active and its delivery is skipped as "already delivered".
    expect(session.prepareDelivery()?.id).toBe('a');
    expect(activity(session, 'a').attemptCount).toBe(2);
  });

  it('SB.2.1 step 2: backward flow through a Forward Only cluster whose children are skipped goes on before it', () => {
    const alwaysSkip = (id: string) =>
      sco(
        id,
        '<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/>' +
          '</imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>',
      );
    const session = launch(
      manifest(sco('first') + cluster('unit', alwaysSkip('u1') + alwaysSkip('u2'), '<imsss:controlMode choice="false" flow="true" forwardOnly="true"/>') + sco('last')),
    );
    expect(finishSco(session)).toBe('last');
    session.api.Initialize('');
    session.api.SetValue('adl.nav.request', 'previous');
    session.api.Terminate('');
    // Backward into unit turns forward (u1, u2 skipped), then backward again from unit: first. 3.4.3 ends the flow in unit.
    expect(session.prepareDelivery()?.id).toBe('first');
  });

  describe('RTE → sequencing data of the primary objective', () => {
    const mapped = (id: string, write: string, extra = '', threshold = '') =>
      `<item identifier="${id}" identifierref="sco"><title>${id}</title><imsss:sequencing>${extra}` +
      `<imsss:objectives><imsss:primaryObjective objectiveID="P"/></imsss:objectives>` +
      `<adlseq:objectives><adlseq:objective objectiveID="P"><adlseq:mapInfo targetObjectiveID="g" ${write}/></adlseq:objective></adlseq:objectives>` +
      `</imsss:sequencing>${threshold}</item>`;
    const threshold = (value: string) => `<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="${value}"/>`;
    const writes = 'writeCompletionStatus="true" writeProgressMeasure="true"';
    const global = (session: CourseSession) =>
      (session.api as unknown as { getSequencingService(): { getOverallSequencingProcess(): { getGlobalObjectiveMap(): Map<string, Record<string, unknown>> } } })
        .getSequencingService()
        .getOverallSequencingProcess()
        .getGlobalObjectiveMap()
        .get('g');
    const primaryEntry = (session: CourseSession, element: string) => {
      session.api.Initialize('');
      const count = Number(session.api.GetValue('cmi.objectives._count'));
      const index = [...Array(count).keys()].find((i) => session.api.GetValue(`cmi.objectives.${i}.id`) === 'P');
      return session.api.GetValue(`cmi.objectives.${index}.${element}`);
    };

    it('completed by measure compares the entry\'s progress measure at the end of the attempt, and a reader does not write its own verdict back', () => {
      const session = launch(manifest(mapped('writer', writes, '', threshold('0.4')) + mapped('reader', writes, '', threshold('0.15')) + sco('after')));
      // 0.2 is below the writer's threshold: "incomplete". 3.4.3 compares only cmi.progress_measure, so the
      // suspended attempt's progress stays unknown and is not written (and a finished one is completed).
      expect(finishSco(session, { 'cmi.objectives.0.id': 'P', 'cmi.objectives.0.progress_measure': '0.2', 'cmi.exit': 'suspend' })).toBe('reader');
      expect(global(session)).toMatchObject({ completionStatus: 'incomplete', progressMeasure: 0.2 });
      // The reader (threshold 0.15) is completed by the measure it read, but the global keeps the writer's status.
      expect(primaryEntry(session, 'completion_status')).toBe('incomplete');
    });

    it('cmi.completion_status set by the SCO decides over the entry of the primary objective', () => {
      const notProgressKnown =
        '<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition referencedObjective="P" operator="not" condition="activityProgressKnown"/>' +
        '</imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>';
      const session = launch(manifest(mapped('writer', 'writeCompletionStatus="true"') + mapped('reader', '', notProgressKnown) + sco('after')));
      // 3.4.3 transfers the entry's "completed": g is known and the reader is delivered.
      expect(finishSco(session, { 'cmi.completion_status': 'unknown', 'cmi.objectives.0.id': 'P', 'cmi.objectives.0.completion_status': 'completed' })).toBe('after');
      expect(global(session)).toMatchObject({ completionStatusKnown: false });
    });

    it('cmi.progress_measure set by the SCO decides over the entry of the primary objective', () => {
      const session = launch(manifest(mapped('writer', writes, '', threshold('0.5')) + sco('after')));
      finishSco(session, { 'cmi.objectives.0.id': 'P', 'cmi.objectives.0.progress_measure': '0.3', 'cmi.progress_measure': '0.6' });
      // 3.4.3 transfers the entry's 0.3 after cmi.progress_measure.
      expect(global(session)).toMatchObject({ progressMeasure: 0.6, completionStatus: 'completed' });
    });
  });

  it('RB.1.3 / RB.1.4.2: default progress rollup with "if attempted" and "if not skipped" children', () => {
    const pre = cluster('pre', sco('q1'), `${FLOW}<adlseq:rollupConsiderations requiredForCompleted="ifAttempted"/>`);
    const post = cluster(
      'post',
      sco('p1') + sco('p2'),
      `${FLOW}<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="attempted"/>` +
        '</imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>' +
        '<adlseq:rollupConsiderations requiredForCompleted="ifNotSkipped"/>',
    );
    const exitIfCompleted =
      `${FLOW}<imsss:sequencingRules><imsss:exitConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="completed"/>` +
      '</imsss:ruleConditions><imsss:ruleAction action="exit"/></imsss:exitConditionRule></imsss:sequencingRules>';
    const session = launch(manifest(cluster('module', pre + post, exitIfCompleted) + sco('after')));
    expect(session.current?.id).toBe('q1');
    expect(finishSco(session)).toBe('p1');
    // post is attempted now, so its skip rule holds and it leaves the module's completion rollup; pre (completed,
    // attempted) decides: the module is completed and exits. 3.4.3 reads post as not skipped (no flow skipped it),
    // and leaves pre out (its rollup never makes its progress known).
    expect(finishSco(session)).toBe('after');
    expect(activity(session, 'module').completionStatus).toBe('completed');
  });

  it('the table of contents hides an activity whose Hidden from Choice rule holds now, with what it holds', () => {
    const hiddenIfAttempted =
      '<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="attempted"/>' +
      '</imsss:ruleConditions><imsss:ruleAction action="hiddenFromChoice"/></imsss:preConditionRule></imsss:sequencingRules>';
    const session = launch(manifest(cluster('unit', sco('u1') + sco('u2'), `${FLOW}${hiddenIfAttempted}`) + sco('after')));
    expect(session.current?.id).toBe('u1');
    // unit is attempted now. 3.4.3 sets no flag for rules, so the LMS showed it.
    expect(session.isHiddenFromChoice('unit')).toBe(true);
    expect(session.isHiddenFromChoice('u2')).toBe(true);
    expect(session.isHiddenFromChoice('after')).toBe(false);
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
