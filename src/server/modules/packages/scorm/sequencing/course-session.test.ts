import { describe, expect, it } from 'vitest';
import { scorm2004CourseManifest } from '../../../../../../test/fixtures/scorm/scorm-packages.js';
import { parseScormManifest } from '../../manifest/scorm-manifest.parse.js';
import { CourseSession } from './course-session.js';

const learner = { id: 'p-1', name: 'Kari' };

/** A course of one SCO and no sequencing at all: the root's flow is off (the default). */
function oneScoManifest(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="one-sco" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>One</title>
      <item identifier="only" identifierref="sco"><title>Only</title></item>
    </organization>
  </organizations>
  <resources><resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
</manifest>`;
}

describe('CourseSession', () => {
  it('still hears the content’s navigation request after a new SCO is delivered (listeners survive the data-model reset)', () => {
    const session = new CourseSession(parseScormManifest(scorm2004CourseManifest()), { learner });
    expect(session.start()).not.toBeNull();
    // start() delivered the first SCO, which resets the run-time data model.
    session.api.Initialize('');
    session.api.SetValue('adl.nav.request', 'suspendAll');
    expect((session as unknown as { contentRequest: string | null }).contentRequest).toBe('suspendAll');
  });

  it('launches the only SCO of a course whose Start request finds no flow', () => {
    const session = new CourseSession(parseScormManifest(oneScoManifest()), { learner });
    expect(session.start()?.id).toBe('only');
    expect(session.ended).toBe(false);
  });

  it('lets the learner’s navigation outrank a request the SCO left pending or sets while it unloads', () => {
    const session = new CourseSession(parseScormManifest(scorm2004CourseManifest()), { learner });
    session.start();
    session.api.Initialize('');
    session.api.SetValue('adl.nav.request', 'exitAll');
    session.beginLearnerNavigation();
    // The SCO unloads: it sets a request of its own again and terminates.
    session.api.SetValue('adl.nav.request', 'suspendAll');
    session.api.Terminate('');
    expect(session.prepareDelivery()).toBeNull();
    expect(session.ended).toBe(false);
    expect(session.navigate('continue')).toBe(true);
    expect(session.current?.id).toBe('module2');
  });

  it('without the learner navigating, the SCO’s own request is carried out', () => {
    const session = new CourseSession(parseScormManifest(scorm2004CourseManifest()), { learner });
    session.start();
    session.api.Initialize('');
    session.api.SetValue('adl.nav.request', 'exitAll');
    session.api.Terminate('');
    expect(session.ended).toBe(true);
  });

  it('keeps the activities’ tracking status for the next launch when the course was exited, not suspended', () => {
    const manifest = parseScormManifest(scorm2004CourseManifest());
    const first = new CourseSession(manifest, { learner });
    first.start();
    first.api.Initialize('');
    first.api.SetValue('cmi.completion_status', 'completed');
    first.api.SetValue('adl.nav.request', 'exitAll');
    first.api.Terminate('');
    expect(first.ended).toBe(true);
    const stored = first.storedState();
    expect(stored.suspended).toBe(false);
    const next = new CourseSession(manifest, { learner, stored });
    expect(next.api.getActivityTrackingData('module1')?.completionStatus).toBe('completed');
  });
});
