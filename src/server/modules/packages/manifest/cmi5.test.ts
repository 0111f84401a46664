import { describe, expect, it } from 'vitest';
import { cmi5Xml } from '../../../../../test/fixtures/packages/packages.js';
import { PackageRejection } from '../package-rejection.js';
import { cmi5Aus, parseCmi5 } from './cmi5.parse.js';

function refusal(xml: string): string {
  try {
    parseCmi5(xml);
  } catch (err) {
    if (err instanceof PackageRejection) return err.reason;
    throw err;
  }
  throw new Error('the course structure was accepted');
}

describe('cmi5 course structures', () => {
  it('reads the course, objectives, blocks and AUs with their launch data', () => {
    const s = parseCmi5(cmi5Xml());
    expect(s.course).toEqual({
      id: 'https://courses.example.no/hygiene',
      title: [
        { lang: 'nb-NO', value: 'Smittevern' },
        { lang: 'en-US', value: 'Infection control' },
      ],
      description: [{ lang: 'nb-NO', value: 'Grunnkurs' }],
    });
    expect(s.objectives.map((o) => o.id)).toEqual(['https://courses.example.no/objectives/hands']);
    const block = s.children[0]!;
    expect(block).toMatchObject({ kind: 'block', id: 'https://courses.example.no/hygiene/block1', objectives: ['https://courses.example.no/objectives/hands'] });
    expect(cmi5Aus(s)).toEqual([
      {
        kind: 'au',
        id: 'https://courses.example.no/hygiene/au1',
        title: [{ value: 'Lesson 1' }],
        description: [{ value: 'The first lesson' }],
        objectives: [],
        url: 'au1/index.html?mode=x',
        launch: { external: false, path: 'au1/index.html', url: 'au1/index.html?mode=x' },
        moveOn: 'CompletedAndPassed',
        masteryScore: 0.8,
        launchMethod: 'OwnWindow',
        launchParameters: '{"level":1}',
        entitlementKey: 'abc-123',
        activityType: 'http://adlnet.gov/expapi/activities/lesson',
      },
    ]);
  });

  it('applies the defaults: moveOn NotApplicable, launchMethod AnyWindow, no masteryScore', () => {
    const xml = cmi5Xml().replace(/moveOn="[^"]*" masteryScore="[^"]*" launchMethod="OwnWindow" /, '');
    expect(cmi5Aus(parseCmi5(xml))[0]).toMatchObject({ moveOn: 'NotApplicable', launchMethod: 'AnyWindow' });
    expect(cmi5Aus(parseCmi5(xml))[0]!.masteryScore).toBeUndefined();
  });

  it('accepts an AU hosted elsewhere (a fully qualified url) and the first edition namespace', () => {
    const s = parseCmi5(cmi5Xml({ url: 'https://au.example.org/launch.html' }).replace('https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'http://www.adlnet.gov/cmi5/CourseStructure.xsd'));
    expect(cmi5Aus(s)[0]!.launch).toEqual({ external: true, url: 'https://au.example.org/launch.html' });
  });

  it.each([
    ['an unknown moveOn', cmi5Xml({ moveOn: 'Finished' }), 'MANIFEST_INVALID'],
    ['a masteryScore above 1', cmi5Xml({ masteryScore: '80' }), 'MANIFEST_INVALID'],
    ['a masteryScore that is not a number', cmi5Xml({ masteryScore: 'high' }), 'MANIFEST_INVALID'],
    ['an unknown launchMethod', cmi5Xml().replace('OwnWindow', 'Popup'), 'MANIFEST_INVALID'],
    ['an AU id that is not an IRI', cmi5Xml({ auId: 'au 1' }), 'MANIFEST_INVALID'],
    ['a relative course id', cmi5Xml({ courseId: 'hygiene' }), 'MANIFEST_INVALID'],
    ['an AU without a url', cmi5Xml().replace(/<url>.*<\/url>/, ''), 'MANIFEST_INVALID'],
    ['an AU without a title', cmi5Xml().replace('<title><langstring>Lesson 1</langstring></title>', ''), 'MANIFEST_INVALID'],
    ['a course without a description', cmi5Xml().replace('<description><langstring lang="nb-NO">Grunnkurs</langstring></description>', ''), 'MANIFEST_INVALID'],
    ['a reference to an undeclared objective', cmi5Xml().replace('idref="https://courses.example.no/objectives/hands"', 'idref="https://x.example/none"'), 'MANIFEST_INVALID'],
    ['two AUs with the same id', cmi5Xml({ extraAu: '<au id="https://courses.example.no/hygiene/au1"><title><langstring>x</langstring></title><description><langstring>x</langstring></description><url>a.html</url></au>' }), 'MANIFEST_INVALID'],
    ['a javascript: url', cmi5Xml({ url: 'javascript:alert(1)' }), 'MANIFEST_INVALID'],
    ['a url climbing out of the package', cmi5Xml({ url: '../../x.html' }), 'REFERENCE_OUTSIDE'],
    ['no AU or block', cmi5Xml().replace(/<block[\s\S]*<\/block>/, ''), 'MANIFEST_MALFORMED'],
    ['an empty block', cmi5Xml().replace(/<au [\s\S]*<\/au>/, ''), 'MANIFEST_INVALID'],
    ['a SCORM manifest instead', '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="x"/>', 'MANIFEST_MALFORMED'],
    ['broken XML', '<courseStructure><course>', 'MANIFEST_MALFORMED'],
  ])('refuses %s', (_what, xml, reason) => {
    expect(refusal(xml)).toBe(reason);
  });
});
