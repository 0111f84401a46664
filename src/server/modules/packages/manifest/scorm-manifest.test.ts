import { describe, expect, it } from 'vitest';
import { scorm12Manifest, scorm2004Manifest } from '../../../../../test/fixtures/packages/packages.js';
import { PackageRejection } from '../package-rejection.js';
import { parseScormManifest } from './scorm-manifest.parse.js';

function refusal(xml: string): { reason: string; message: string } {
  try {
    parseScormManifest(xml);
  } catch (err) {
    if (err instanceof PackageRejection) return { reason: err.reason, message: err.message };
    throw err;
  }
  throw new Error('the manifest was accepted');
}

const CP12 = 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"';
const minimal = (body: string, attrs = `identifier="m" ${CP12}`) => `<manifest ${attrs}>${body}</manifest>`;
const ORGS = '<organizations default="o"><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>';
const RES = '<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a.html"><file href="a.html"/></resource></resources>';

describe('SCORM 1.2 manifests', () => {
  it('reads the 1.2 item data: masteryscore, prerequisites, maxtimeallowed, timelimitaction, datafromlms', () => {
    const m = parseScormManifest(scorm12Manifest());
    expect(m.version).toBe('scorm12');
    expect(m.identifier).toBe('com.example.hygiene');
    const item = m.organizations[0]!.items[0]!;
    expect(item).toMatchObject({
      identifier: 'intro',
      masteryScore: 80,
      maxTimeAllowed: '00:30:00',
      timeLimitAction: 'exit,message',
      dataFromLms: 'start=1',
      prerequisites: { script: 'intro', type: 'aicc_script' },
      launch: { resourceIdentifier: 'res1', scormType: 'sco', path: 'index.html', url: 'index.html?lang=nb' },
    });
    expect(item.sequencing).toBeUndefined();
    expect(m.resources[0]!.files).toEqual(['index.html', 'css/style.css', 'js/api.js']);
  });

  it('detects 1.2 from the ADL 1.2 namespace when schemaversion is missing', () => {
    expect(parseScormManifest(minimal(ORGS + RES)).version).toBe('scorm12');
  });

  it('refuses a masteryscore outside 0..100', () => {
    const xml = scorm12Manifest().replace('<adlcp:masteryscore>80', '<adlcp:masteryscore>180');
    expect(refusal(xml).reason).toBe('MANIFEST_INVALID');
  });
});

describe('SCORM 2004 manifests', () => {
  it('reads adlcp:data maps with both readSharedData and writeSharedData defaulting to true (adlcp_v1p3.xsd)', () => {
    const xml = scorm2004Manifest().replace(
      '<title>Test</title>',
      '<title>Test</title><adlcp:data><adlcp:map targetID="notes"/><adlcp:map targetID="ro" writeSharedData="false"/><adlcp:map targetID="wo" readSharedData="false"/></adlcp:data>',
    );
    const test = parseScormManifest(xml).organizations[0]!.items.find((i) => i.identifier === 'test')!;
    expect(test.sharedData).toEqual([
      { targetId: 'notes', readSharedData: true, writeSharedData: true },
      { targetId: 'ro', readSharedData: true, writeSharedData: false },
      { targetId: 'wo', readSharedData: false, writeSharedData: true },
    ]);
  });

  it('detects the edition from schemaversion', () => {
    const base = scorm2004Manifest();
    expect(parseScormManifest(base).version).toBe('scorm2004_4th');
    expect(parseScormManifest(base.replace('2004 4th Edition', '2004 3rd Edition')).version).toBe('scorm2004_3rd');
    expect(parseScormManifest(base.replace('2004 4th Edition', 'CAM 1.3')).version).toBe('scorm2004_2nd');
  });

  it('detects 2004 from its namespaces when schemaversion is missing, and 4th edition from its own elements', () => {
    const noVersion = scorm2004Manifest().replace(/<metadata>.*<\/metadata>/, '');
    expect(parseScormManifest(noVersion).version).toBe('scorm2004_4th'); // completionThreshold attributes are 4th edition only
    const third = noVersion.replace('<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="0.8"/>', '<adlcp:completionThreshold>0.8</adlcp:completionThreshold>');
    expect(parseScormManifest(third).version).toBe('scorm2004_3rd');
    expect(parseScormManifest(third).organizations[0]!.items[0]!.completionThreshold).toEqual({ completedByMeasure: false, minProgressMeasure: 0.8, progressWeight: 1 });
  });

  it('merges a sequencingCollection entry with the local sequencing, local elements winning', () => {
    const m = parseScormManifest(scorm2004Manifest());
    const module1 = m.organizations[0]!.items[0]!;
    expect(module1.sequencingIdRef).toBe('common');
    expect(module1.sequencing!.controlMode.choiceExit).toBe(false); // from the collection
    expect(module1.sequencing!.limitConditions).toEqual({ attemptLimit: 3 }); // local
    expect(module1.sequencing!.objectives.primary).toEqual({
      objectiveId: 'pass',
      satisfiedByMeasure: true,
      minNormalizedMeasure: 0.6,
      mapInfo: [{ targetObjectiveId: 'global.pass', readSatisfiedStatus: true, readNormalizedMeasure: true, writeSatisfiedStatus: true, writeNormalizedMeasure: false }],
    });
    expect(module1.completionThreshold).toEqual({ completedByMeasure: true, minProgressMeasure: 0.8, progressWeight: 1 });
    expect(module1.presentation).toEqual({ hideLmsUi: ['continue'] });
    expect(m.organizations[0]!.objectivesGlobalToSystem).toBe(false);
    expect(m.organizations[0]!.sequencing!.controlMode).toMatchObject({ choice: false, flow: true, choiceExit: true });
    // An item with no sequencing element gets every default.
    expect(m.organizations[0]!.items[1]!.sequencing!.controlMode).toEqual({ choice: true, choiceExit: true, flow: false, forwardOnly: false, useCurrentAttemptObjectiveInfo: true, useCurrentAttemptProgressInfo: true });
    expect(m.resources[0]!.dependencies).toEqual(['shared']);
  });

  it('reads a full sequencing definition: rules, limits, rollup, randomization, delivery and the ADL extensions', () => {
    const seq = `<imsss:sequencing>
      <imsss:controlMode forwardOnly="true" useCurrentAttemptObjectiveInfo="false"/>
      <imsss:sequencingRules>
        <imsss:preConditionRule><imsss:ruleConditions conditionCombination="any"><imsss:ruleCondition condition="satisfied" operator="not" referencedObjective="obj1"/><imsss:ruleCondition condition="objectiveMeasureGreaterThan" measureThreshold="0.5"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>
        <imsss:exitConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="completed"/></imsss:ruleConditions><imsss:ruleAction action="exit"/></imsss:exitConditionRule>
        <imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="attemptLimitExceeded"/></imsss:ruleConditions><imsss:ruleAction action="retryAll"/></imsss:postConditionRule>
      </imsss:sequencingRules>
      <imsss:limitConditions attemptLimit="2" attemptAbsoluteDurationLimit="PT1H30M"/>
      <imsss:rollupRules rollupObjectiveSatisfied="false" objectiveMeasureWeight="0.5">
        <imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.75"><imsss:rollupConditions conditionCombination="all"><imsss:rollupCondition condition="satisfied"/><imsss:rollupCondition operator="not" condition="attempted"/></imsss:rollupConditions><imsss:rollupAction action="notSatisfied"/></imsss:rollupRule>
      </imsss:rollupRules>
      <imsss:objectives>
        <imsss:primaryObjective><imsss:minNormalizedMeasure>-0.5</imsss:minNormalizedMeasure></imsss:primaryObjective>
        <imsss:objective objectiveID="obj1"><imsss:mapInfo targetObjectiveID="g1" readNormalizedMeasure="false"/></imsss:objective>
      </imsss:objectives>
      <imsss:randomizationControls randomizationTiming="onEachNewAttempt" selectCount="1" reorderChildren="true" selectionTiming="once"/>
      <imsss:deliveryControls tracked="false" completionSetByContent="true" objectiveSetByContent="1"/>
      <adlseq:constrainedChoiceConsiderations preventActivation="true"/>
      <adlseq:rollupConsiderations requiredForSatisfied="ifNotSkipped" measureSatisfactionIfActive="false"/>
      <adlseq:objectives><adlseq:objective objectiveID="obj1"><adlseq:mapInfo targetObjectiveID="g1" writeRawScore="true"/></adlseq:objective></adlseq:objectives>
    </imsss:sequencing>`;
    const xml = scorm2004Manifest().replace('<title>Test</title>', `<title>Test</title>${seq}`);
    const s = parseScormManifest(xml).organizations[0]!.items[1]!.sequencing!;
    expect(s.controlMode).toMatchObject({ forwardOnly: true, useCurrentAttemptObjectiveInfo: false, choice: true });
    expect(s.sequencingRules.preConditionRules[0]).toEqual({
      conditionCombination: 'any',
      conditions: [
        { condition: 'satisfied', operator: 'not', referencedObjective: 'obj1', measureThreshold: 0 },
        { condition: 'objectiveMeasureGreaterThan', operator: 'noOp', measureThreshold: 0.5 },
      ],
      action: 'skip',
    });
    expect(s.sequencingRules.exitConditionRules[0]!.action).toBe('exit');
    expect(s.sequencingRules.postConditionRules[0]!.action).toBe('retryAll');
    expect(s.limitConditions).toEqual({ attemptLimit: 2, attemptAbsoluteDurationLimit: 'PT1H30M' });
    expect(s.rollupRules).toEqual({
      rollupObjectiveSatisfied: false,
      rollupProgressCompletion: true,
      objectiveMeasureWeight: 0.5,
      rules: [{ childActivitySet: 'atLeastPercent', minimumCount: 0, minimumPercent: 0.75, conditionCombination: 'all', conditions: [{ condition: 'satisfied', operator: 'noOp' }, { condition: 'attempted', operator: 'not' }], action: 'notSatisfied' }],
    });
    expect(s.objectives.primary).toEqual({ satisfiedByMeasure: false, minNormalizedMeasure: -0.5, mapInfo: [] });
    expect(s.objectives.secondary[0]!.mapInfo[0]).toMatchObject({ targetObjectiveId: 'g1', readNormalizedMeasure: false, readSatisfiedStatus: true });
    expect(s.randomizationControls).toEqual({ randomizationTiming: 'onEachNewAttempt', selectCount: 1, reorderChildren: true, selectionTiming: 'once' });
    expect(s.deliveryControls).toEqual({ tracked: false, completionSetByContent: true, objectiveSetByContent: true });
    expect(s.constrainedChoiceConsiderations).toEqual({ preventActivation: true, constrainChoice: false });
    expect(s.rollupConsiderations).toMatchObject({ requiredForSatisfied: 'ifNotSkipped', requiredForCompleted: 'always', measureSatisfactionIfActive: false });
    expect(s.adlObjectives[0]!.mapInfo[0]).toMatchObject({ targetObjectiveId: 'g1', writeRawScore: true, readRawScore: true, writeCompletionStatus: false });
  });

  it.each([
    ['an unknown rule condition', '<imsss:ruleCondition condition="sunny"/>'],
    ['a rule action of the wrong kind', '<imsss:ruleCondition condition="always"/></imsss:ruleConditions><imsss:ruleAction action="exitAll"/></imsss:preConditionRule><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/>'],
    ['a measureThreshold above 1', '<imsss:ruleCondition condition="objectiveMeasureLessThan" measureThreshold="1.5"/>'],
    ['a boolean that is not one', '<imsss:ruleCondition condition="always" operator="noOp"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules><imsss:controlMode flow="yes"/><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="always"/>'],
  ])('refuses %s in a sequencing rule', (_what, condition) => {
    const seq = `<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions>${condition}</imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>`;
    expect(refusal(scorm2004Manifest().replace('<title>Test</title>', `<title>Test</title>${seq}`)).reason).toBe('MANIFEST_INVALID');
  });

  it('names an objective the same however its URI is spelled: escapes decoded, whitespace collapsed', () => {
    const seq = `<imsss:sequencing>
      <imsss:sequencingRules>
        <imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="objectiveStatusKnown" referencedObjective="  ob%20%20%20j%20%201 "/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>
      </imsss:sequencingRules>
      <imsss:objectives>
        <imsss:primaryObjective/>
        <imsss:objective objectiveID=" ob%20j%201   "><imsss:mapInfo targetObjectiveID="g%201"/></imsss:objective>
        <imsss:objective objectiveID="50%off"/>
      </imsss:objectives>
      <adlseq:objectives><adlseq:objective objectiveID="ob%20j%201"><adlseq:mapInfo targetObjectiveID=" g%201"/></adlseq:objective></adlseq:objectives>
    </imsss:sequencing>`;
    const xml = scorm2004Manifest().replace('<title>Test</title>', `<title>Test</title>${seq}`);
    const s = parseScormManifest(xml).organizations[0]!.items[1]!.sequencing!;
    expect(s.sequencingRules.preConditionRules[0]!.conditions[0]!.referencedObjective).toBe('ob j 1');
    expect(s.objectives.secondary.map((o) => o.objectiveId)).toEqual(['ob j 1', '50%off']);
    expect(s.objectives.secondary[0]!.mapInfo[0]!.targetObjectiveId).toBe('g 1');
    expect(s.adlObjectives[0]).toMatchObject({ objectiveId: 'ob j 1', mapInfo: [{ targetObjectiveId: 'g 1' }] });
  });

  it('refuses an IDRef that is not in the sequencingCollection', () => {
    expect(refusal(scorm2004Manifest().replace('IDRef="common"', 'IDRef="nope"')).reason).toBe('MANIFEST_INVALID');
  });
});

describe('references and paths in manifests', () => {
  it('applies xml:base of the manifest, resources and resource, and keeps the href query', () => {
    const xml = minimal(
      `${ORGS}<resources xml:base="content/"><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="page%20one.html?x=1" xml:base="lesson"><file href="page%20one.html"/><file href="../shared/a.js"/></resource></resources>`,
      `identifier="m" xml:base="course/" ${CP12}`,
    );
    const m = parseScormManifest(xml);
    expect(m.resources[0]!.href).toBe('course/content/lesson/page one.html?x=1');
    expect(m.resources[0]!.files).toEqual(['course/content/lesson/page one.html', 'course/content/shared/a.js']);
    expect(m.organizations[0]!.items[0]!.launch).toMatchObject({ path: 'course/content/lesson/page one.html', url: 'course/content/lesson/page%20one.html?x=1' });
  });

  it.each([
    ['a parent climb', '../../etc/passwd'],
    ['an absolute path', '/etc/passwd'],
    ['a drive letter', 'C:/Windows/win.ini'],
    ['back slashes', '..\\..\\secret.txt'],
    ['an absolute URL', 'https://evil.example/x.js'],
    ['a protocol-relative URL', '//evil.example/x.js'],
    ['an encoded parent climb', '%2e%2e/%2e%2e/x.html'],
  ])('refuses a file href with %s as REFERENCE_OUTSIDE', (_what, href) => {
    const xml = minimal(`${ORGS}<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a.html"><file href="${href}"/></resource></resources>`);
    expect(refusal(xml).reason).toBe('REFERENCE_OUTSIDE');
  });

  it('refuses a resource href that escapes through xml:base', () => {
    const xml = minimal(`${ORGS}<resources xml:base="../"><resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a.html"/></resources>`);
    expect(refusal(xml).reason).toBe('REFERENCE_OUTSIDE');
  });
});

describe('malformed and invalid manifests', () => {
  it.each([
    ['bad XML', '<manifest identifier="m"><organizations>', 'MANIFEST_MALFORMED'],
    ['a wrong root element', '<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"/>', 'MANIFEST_MALFORMED'],
    ['a root in a foreign namespace', '<manifest xmlns="urn:other" identifier="m"/>', 'MANIFEST_MALFORMED'],
    ['no organizations', minimal(RES), 'MANIFEST_MALFORMED'],
    ['an empty organizations element', minimal(`<organizations/>${RES}`), 'MANIFEST_MALFORMED'],
    ['no resources', minimal(ORGS), 'MANIFEST_MALFORMED'],
    ['DTD entities (billion laughs)', `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>${minimal(ORGS + RES).replace('<title>T</title>', '<title>&b;</title>')}`, 'MANIFEST_MALFORMED'],
    ['an undeclared prefix', minimal(ORGS + RES).replace('adlcp:scormtype', 'zz:scormtype'), 'MANIFEST_MALFORMED'],
    ['no manifest identifier', minimal(ORGS + RES, CP12), 'MANIFEST_INVALID'],
    ['an item pointing at no resource', minimal(ORGS.replace('identifierref="r"', 'identifierref="missing"') + RES), 'MANIFEST_INVALID'],
    ['a leaf item without a resource', minimal(ORGS.replace(' identifierref="r"', '') + RES), 'MANIFEST_INVALID'],
    ['a default organization that does not exist', minimal(ORGS.replace('default="o"', 'default="x"') + RES), 'MANIFEST_INVALID'],
    ['duplicate item identifiers', minimal(ORGS.replace('</item>', '</item><item identifier="i" identifierref="r"><title>2</title></item>') + RES), 'MANIFEST_INVALID'],
    ['a dependency on a missing resource', minimal(ORGS + RES.replace('<file href="a.html"/>', '<file href="a.html"/><dependency identifierref="ghost"/>')), 'MANIFEST_INVALID'],
    ['an unknown scormtype', minimal(ORGS + RES.replace('scormtype="sco"', 'scormtype="lesson"')), 'MANIFEST_INVALID'],
  ])('refuses %s', (_what, xml, reason) => {
    const r = refusal(xml);
    expect(r.reason).toBe(reason);
    expect(r.message.length).toBeGreaterThan(10);
  });

  it('reads UTF-16 and Latin-1 manifests by their BOM and declaration', () => {
    const xml = minimal(ORGS.replace('<title>T</title>', '<title>Håndhygiene</title>') + RES);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(parseScormManifest(utf16).organizations[0]!.title).toBe('Håndhygiene');
    const latin1 = Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${xml}`, 'latin1');
    expect(parseScormManifest(latin1).organizations[0]!.title).toBe('Håndhygiene');
  });
});
