import { describe, expect, it } from 'vitest';
import { parseScormManifest } from '../../manifest/scorm-manifest.parse.js';
import { defaultOrganization } from './activity-tree.js';
import { leadsOnlyToCurrent, offersChoice } from './toc-choice.js';

const organization = defaultOrganization(
  parseScormManifest(`<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="toc" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>Toc</title>
      <item identifier="intro" identifierref="sco"><title>Intro</title></item>
      <item identifier="unit"><title>Unit</title><item identifier="lesson" identifierref="sco"><title>Lesson</title></item></item>
    </organization>
  </organizations>
  <resources><resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
</manifest>`),
);

describe('table of contents choice', () => {
  it('treats the running activity and a cluster leading only to it as no choice', () => {
    expect(leadsOnlyToCurrent(organization, 'lesson', 'lesson')).toBe(true);
    expect(leadsOnlyToCurrent(organization, 'unit', 'lesson')).toBe(true);
    // The root has two leaves: choosing it may lead elsewhere.
    expect(leadsOnlyToCurrent(organization, 'org', 'lesson')).toBe(false);
    expect(leadsOnlyToCurrent(organization, 'intro', 'lesson')).toBe(false);
    expect(leadsOnlyToCurrent(organization, 'unit', undefined)).toBe(false);
  });

  it('offers a choice only when some choosable entry leads somewhere else', () => {
    expect(offersChoice(organization, ['lesson', 'unit'], 'lesson')).toBe(false);
    expect(offersChoice(organization, ['lesson', 'intro'], 'lesson')).toBe(true);
    expect(offersChoice(organization, [], 'lesson')).toBe(false);
  });
});
