import { describe, expect, it } from 'vitest';
import { scorm2004CourseManifest } from '../../../../../../test/fixtures/scorm/scorm-packages.js';
import { parseScormManifest } from '../../manifest/scorm-manifest.parse.js';
import { CourseSession } from './course-session.js';

describe('CourseSession', () => {
  it('still hears the content’s navigation request after a new SCO is delivered (listeners survive the data-model reset)', () => {
    const session = new CourseSession(parseScormManifest(scorm2004CourseManifest()), { learner: { id: 'p-1', name: 'Kari' } });
    expect(session.start()).not.toBeNull();
    // start() delivered the first SCO, which resets the run-time data model.
    session.api.Initialize('');
    session.api.SetValue('adl.nav.request', 'suspendAll');
    expect((session as unknown as { contentRequest: string | null }).contentRequest).toBe('suspendAll');
  });
});
