// The parsed form of a cmi5 course structure (cmi5.xml, cmi5 spec section 13).
// Defaults are applied; ids are the IRIs from the file, used as xAPI activity ids.

/** A langstring list: one entry per language, in document order. */
export type Cmi5Text = { lang?: string; value: string }[];

export interface Cmi5CourseStructure {
  course: { id: string; title: Cmi5Text; description: Cmi5Text };
  objectives: Cmi5Objective[];
  /** Blocks and AUs at the top level, in order. */
  children: Cmi5Node[];
}

export interface Cmi5Objective {
  id: string;
  title: Cmi5Text;
  description: Cmi5Text;
}

export type Cmi5Node = Cmi5Block | Cmi5Au;

export interface Cmi5Block {
  kind: 'block';
  id: string;
  title: Cmi5Text;
  description: Cmi5Text;
  /** idrefs of course objectives. */
  objectives: string[];
  children: Cmi5Node[];
}

export type Cmi5MoveOn = 'NotApplicable' | 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed';
export type Cmi5LaunchMethod = 'AnyWindow' | 'OwnWindow';

export interface Cmi5Au {
  kind: 'au';
  id: string;
  title: Cmi5Text;
  description: Cmi5Text;
  objectives: string[];
  /** The url element as written. */
  url: string;
  /** Relative AU urls are files in the package; absolute http(s) ones are hosted elsewhere (spec 14.1). */
  launch: { external: false; path: string; url: string } | { external: true; url: string };
  moveOn: Cmi5MoveOn; // default NotApplicable
  /** Scaled 0..1. */
  masteryScore?: number;
  launchMethod: Cmi5LaunchMethod; // default AnyWindow
  launchParameters?: string;
  entitlementKey?: string;
  activityType?: string;
}
