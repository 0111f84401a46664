import { describe, expect, it } from 'vitest';
import { scorm2004CourseManifest } from '../../../../../../test/fixtures/scorm/scorm-packages.js';
import { parseScormManifest } from '../../manifest/scorm-manifest.parse.js';
import { buildActivityTree, defaultOrganization } from './activity-tree.js';

describe('buildActivityTree', () => {
  it('gives scorm-again a rollup rule’s minimumPercent in percent (the manifest has a fraction)', () => {
    const rollup = `<imsss:rollupRules><imsss:rollupRule childActivitySet="atLeastPercent" minimumPercent="0.5">
      <imsss:rollupConditions><imsss:rollupCondition condition="satisfied"/></imsss:rollupConditions>
      <imsss:rollupAction action="satisfied"/></imsss:rollupRule></imsss:rollupRules>`;
    const xml = scorm2004CourseManifest().replace('<imsss:controlMode choice="true" flow="true"/>', `<imsss:controlMode choice="true" flow="true"/>${rollup}`);
    const tree = buildActivityTree(defaultOrganization(parseScormManifest(xml)));
    expect(tree.rollupRules?.rules[0]).toMatchObject({ consideration: 'atLeastPercent', minimumPercent: 50 });
  });
});
