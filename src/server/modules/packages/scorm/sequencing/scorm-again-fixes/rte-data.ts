// Run-time data model (RTE 4th Ed.): names that hold elements, collection
// entries beyond _count, failed SetValues, and value formats.

import { Scorm2004API } from 'scorm-again';
import type { SaApi } from './internals.js';
import { prototypeOf, type MethodPatch } from './patch.js';
import { typeMismatch, type ProbeInstances } from './probe.js';

/** GetValue and SetValue of a name that holds elements (401). */
export function dataModelNameCorrections(): MethodPatch[] {
  return [
    // RTE 4th Ed. 3.1.7.6 / 4.1: GetValue and SetValue take a data model
    // element, the dot-notation name of one value ("cmi.score.scaled"); a
    // name that stops at a part of the model that holds elements ("cmi",
    // "cmi.score", "adl.nav") names no element, and the call fails with 401
    // (Undefined Data Model Element). scorm-again 3.4.3 walks the name into
    // its objects and answers with the object found, or overwrites it:
    // SetValue("cmi", "illegal") replaces the whole run-time data model,
    // after which Terminate throws (ADL DMI). The check applies only while
    // the session is initialized; before and after it scorm-again's own
    // 122/123/132/133 answers stand.
    {
      className: 'Scorm2004API',
      prototype: Scorm2004API.prototype as unknown as Record<string, unknown>,
      method: 'lmsGetValue',
      arity: 1,
      replacement: (original) =>
        function lmsGetValue(this: SaApi, element: string): string {
          if (namesContainer(this, element)) return '';
          return (original as (this: unknown, element: string) => string).call(this, element);
        } as never,
    },
    {
      className: 'Scorm2004API',
      prototype: Scorm2004API.prototype as unknown as Record<string, unknown>,
      method: 'lmsSetValue',
      arity: 2,
      replacement: (original) =>
        function lmsSetValue(this: SaApi, element: string, value: unknown): string {
          if (namesContainer(this, element)) return 'false';
          return (original as (this: unknown, element: string, value: unknown) => string).call(this, element, value);
        } as never,
    },
  ];
}

/** Collection entries, failed SetValues and value formats. */
export function dataModelValueCorrections(instances: ProbeInstances): MethodPatch[] {
  return [
    // RTE 4th Ed. 3.1.7.6 (Data Model Collection Element Request Out Of
    // Range): GetValue of an element of a collection entry at an index at or
    // beyond _count fails with 301 (General Get Failure). scorm-again 3.4.3
    // answers 403 (Data Model Element Value Not Initialized), which tells
    // the content the entry exists (ADL DMI: cmi.objectives.0.id before any
    // objective is set).
    {
      className: 'CMIValueAccessService',
      prototype: prototypeOf(instances.valueAccess),
      method: 'handleGetArrayAccess',
      arity: 7,
      replacement: (original) =>
        function handleGetArrayAccess(this: SaValueAccess, ...args: unknown[]): unknown {
          const [collection, structure, idx, element, scorm2004] = args as [SaCollection, string[], number, string, boolean];
          const index = Number.parseInt(structure[idx + 1] ?? '', 10);
          if (scorm2004 && !Number.isNaN(index) && !collection.childArray[index]) {
            this.context.throwSCORMError(element, GENERAL_GET_FAILURE, `${element}: the collection has no entry at index ${index}`);
            return { refObject: collection, idx, foundFirstIndex: args[5], error: true };
          }
          return (original as (this: unknown, ...args: unknown[]) => unknown).apply(this, args);
        } as never,
    },
    // RTE 4th Ed. 3.1.7.6 / 4.1.1.3: a SetValue that fails changes nothing.
    // scorm-again 3.4.3 adds the new entry of a collection
    // (cmi.objectives.N, cmi.interactions.N…) before it sets the element, and
    // keeps it when the value is refused, so _count grows and the entry holds
    // no id (ADL DMI: SetValue("cmi.objectives.0.id", "") fails with 406,
    // then GetValue("cmi.objectives.0.id") answers "" with 0 instead of 301).
    // The entries a failed SetValue added are removed again.
    {
      className: 'CMIValueAccessService',
      prototype: prototypeOf(instances.valueAccess),
      method: 'setCMIValue',
      arity: 4,
      replacement: (original) =>
        function setCMIValue(this: SaValueAccess, methodName: string, scorm2004: boolean, element: string, value: unknown): string {
          const collections = scorm2004 ? collectionsOnPath(this.context.getDataModel(), element) : [];
          let succeeded = false;
          try {
            const result = (original as (this: unknown, ...args: unknown[]) => string).call(this, methodName, scorm2004, element, value);
            succeeded = result === 'true';
            return result;
          } finally {
            if (!succeeded) for (const { entries, count } of collections) if (entries.length > count) entries.length = count;
          }
        } as never,
    },
    // RTE 4th Ed. 4.1.1.7, long_identifier_type: an identifier that begins
    // with "urn:" is a URN (RFC 2141: "urn:", a namespace identifier of 1 to
    // 32 letters, digits and hyphens starting with a letter or digit, ":",
    // and a non-empty namespace-specific string); anything else of that
    // shape is a type mismatch (406). scorm-again 3.4.3's pattern ends with
    // an alternative that accepts any string, so "urn:" is stored (ADL DMI:
    // cmi.objectives.2.id "urn:"). Applied to the identifiers the content
    // sets: objectives, interactions and their objectives.
    ...(['objective', 'interaction', 'interactionObjective'] as const).map(
      (instance): MethodPatch => ({
        className: prototypeOf(instances[instance]).constructor.name as string,
        prototype: prototypeOf(instances[instance]),
        method: 'id',
        accessor: 'set',
        arity: 1,
        replacement: (original) =>
          function id(this: { _cmi_element: string }, value: unknown): void {
            if (typeof value === 'string' && /^urn:/i.test(value) && !URN.test(value)) throw typeMismatch(`${this._cmi_element}.id`);
            (original as (this: unknown, value: unknown) => void).call(this, value);
          } as never,
      }),
    ),
    // RTE 4th Ed. 4.2.14, cmi.location: a characterstring (SPM 1000), so the
    // empty string is a value the content may set (to clear its bookmark).
    // scorm-again 3.4.3 refuses it with 406 (ADL DMI).
    {
      className: 'CMIContent',
      prototype: prototypeOf(instances.cmiContent),
      method: 'location',
      accessor: 'set',
      arity: 1,
      replacement: (original) =>
        function location(this: { _location: string }, value: unknown): void {
          if (value === '') this._location = '';
          else (original as (this: unknown, value: unknown) => void).call(this, value);
        } as never,
    },
    // RTE 4th Ed. 4.1.1.7, timeinterval (second,10,2): P[yY][mM][dD][T[hH][nM][s[.s]S]],
    // with the T present exactly when an hour, minute or second part
    // follows, and at least one part. scorm-again 3.4.3's pattern makes the
    // T optional and allows weeks and fractions everywhere, so it stores
    // "P1Y6M14DT" and "P1Y6M14D4H15M6.34S" as the session time (ADL DMI),
    // which then goes into cmi.total_time.
    {
      className: 'CMISession',
      prototype: prototypeOf(instances.cmiSession),
      method: 'session_time',
      accessor: 'set',
      arity: 1,
      replacement: (original) =>
        function session_time(this: { _cmi_element: string }, value: unknown): void {
          if (typeof value === 'string' && !TIME_INTERVAL.test(value)) throw typeMismatch(`${this._cmi_element}.session_time`);
          (original as (this: unknown, value: unknown) => void).call(this, value);
        } as never,
    },
  ];
}

/** RTE error 401, Undefined Data Model Element. */
const UNDEFINED_DATA_MODEL_ELEMENT = 401;
/** RTE error 301, General Get Failure. */
const GENERAL_GET_FAILURE = 301;

/** RFC 2141 URN: "urn:" NID ":" NSS. */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;
/** RTE timeinterval (second,10,2); the lookaheads require one part after P and after T. */
const TIME_INTERVAL = /^P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;

/** scorm-again's CMIArray, as far as the corrections use it. */
interface SaCollection {
  childArray: unknown[];
}

/** scorm-again's CMIValueAccessService, as far as the corrections use it. */
interface SaValueAccess {
  context: {
    getDataModel(): unknown;
    throwSCORMError(element: string, errorNumber: number, message: string): void;
  };
}

/**
 * The collections a dot-notation name passes through, with their entry
 * counts now. The element itself is not read: a write-only one throws.
 */
function collectionsOnPath(model: unknown, element: string): { entries: unknown[]; count: number }[] {
  const found: { entries: unknown[]; count: number }[] = [];
  let node: unknown = model;
  for (const part of element.split('.').slice(0, -1)) {
    if (node === null || typeof node !== 'object') break;
    const entries = (node as Partial<SaCollection>).childArray;
    if (Array.isArray(entries)) {
      found.push({ entries, count: entries.length });
      node = entries[Number(part)];
    } else {
      node = (node as Record<string, unknown>)[part];
    }
  }
  return found;
}

/**
 * The name leads to a part of the data model that holds elements, not to
 * an element; sets error 401 when it does.
 */
function namesContainer(api: SaApi, element: string): boolean {
  if (typeof element !== 'string' || !api.isInitialized()) return false;
  const found = api._peekCMIValue(element);
  if (found === null || typeof found !== 'object') return false;
  api.throwSCORMError(element, UNDEFINED_DATA_MODEL_ELEMENT, `${element} is not a data model element`);
  return true;
}
