// ADL packages that do not pass yet, each with the reason as far as it is
// known. The suite test expects these to fail: when a change makes one pass,
// that test goes red until the entry is removed here.
//
// Causes:
// - scorm-again bug: the library deviates from SCORM 2004 4th Ed. and
//   sequencing/scorm-again-fixes.ts does not correct it (yet).
// - driver gap: the script needs a tester action this driver does not model
//   (ADL's instruction bundle, which says what each step asks of the tester,
//   is not published with the data).
// - manifest parser: manifest/scorm-manifest.parse.ts reads the package
//   differently from ADL (outside the SCORM run-time module).
// - not yet diagnosed: the first deviation is given; whether the adapter or
//   scorm-again is at fault has not been worked out.
export const ADL_EXPECTED_FAILURES: Readonly<Record<string, string>> = {
  'API':
    'driver gap: the tester instruction "APIt1" (from ADL\'s unpublished instruction bundle) is not modelled',
  'CM-03a':
    'scorm-again bug (delivery, not corrected yet): in Act7V2 the SCO asks for a Jump to activity_7, the running activity. scorm-again accepts it (SB.2.13) but starts no new attempt (the attempt count stays, the activity stays active) and ActivityDeliveryService.deliverActivity skips the delivery as "already delivered", so the LMS is never told to launch it again (reproduced on a two-SCO course: a self-Jump delivers nothing)',
  'CM-03b':
    'not yet diagnosed (sequencing, flow): Act8V1: the SCO\'s Previous request from activity_8 delivers nothing; ADL expects activity_3, i.e. backward flow passes the Forward Only cluster activity_4 (whose children a skip rule "attempted and not completed" may skip) and goes on into activity_1. scorm-again\'s SB.2.1 direction reversal inside a Forward Only cluster is the likely place (not traced)',
  'CM-10':
    'driver gap: after "RelaunchCM10" the course (no flow) delivers nothing at launch; the tester is presumably told to pick Activity 4 (ADL\'s instruction bundle is not published)',
  'CO-04c':
    'not yet diagnosed (sequencing; completed by measure from a global objective is corrected in scorm-again-fixes.ts, CO-04a/b pass): Act3V1: expected activity_3, the LMS delivered activity_2',
  'CO-10':
    'scorm-again bug (RTE ↔ sequencing completion data, same family as CO-13a, not corrected): with completed by measure corrected for the primary objective read and transferred (scorm-again-fixes.ts), Act2V1 GetValue("cmi.objectives.0.completion_status") returns "completed" where ADL expects "incomplete", and Act1V2 expects progress_measure 0.39 where the LMS keeps 0.3',
  'CO-13a':
    'scorm-again bug (RTE → sequencing data transfer, from the script and manifest, not traced in code): activity_1 sets cmi.completion_status "unknown" and cmi.objectives.{PRIMARYOBJ}.completion_status "completed"; the completion reaches the primary objective and, through writeCompletionStatus, gObj-CO13a, so activity_2\'s "not activityProgressKnown → skip" does not hold. ADL keeps the progress unknown (the SCO set cmi.completion_status). Act3V1: expected activity_3, the LMS delivered activity_2. Same family as CO-10',
  'DDMa':
    'driver gap: DDM.properties scripts both packages at once (activities 1a…2b, relaunches between DDMa and DDMb); the driver runs one package at a time',
  'DDMb':
    'driver gap: DDM.properties scripts both packages at once (activities 1a…2b, relaunches between DDMa and DDMb); the driver runs one package at a time',
  'DMB':
    'driver gap: the data-model behaviour SCO is visited again (Act1V2…Act1V5) with no tester instruction between visits; what its page does to come back (ADL\'s DMBEHAVIOR content is not published) is not modelled',
  'DMI':
    'driver gap: Act1V1 passes (run-time data corrected in scorm-again-fixes.ts: names that hold elements (401), GetValue beyond _count (301), a failed SetValue leaving a collection entry, "urn:" identifiers, an empty cmi.location, invalid session times; writeSharedData defaults to true as adlcp_v1p3.xsd says); then the tester instruction "DMIt2" (ADL\'s unpublished instruction bundle) is not modelled',
  'RU-13d':
    'not yet diagnosed (sequencing): Act6V1: expected activity_6, the LMS delivered activity_2',
  'T-01b':
    'not yet diagnosed (sequencing; the attempt-limit deviation of T-01a is corrected in scorm-again-fixes.ts and Act1…Act15 pass): Act18V1: expected activity_18, the LMS delivered activity_15',
};
