// Makes the API calls of one visit, as ADL's test content does, and checks
// each return value and error code with ADL's evaluation rules.
//
// Works against any SCORM 2004 API object (scorm-again in Node, the player's
// API_1484_11 in a browser).

import type { AdlApiCall, AdlElement, AdlExpectation } from './adl-script.types.js';
import { valuesEqualForElement } from './adl-value-compare.js';

/** The eight functions of the SCORM 2004 run-time API (IEEE 1484.11.2). */
export interface ScormApi {
  Initialize(parameter: string): string;
  Terminate(parameter: string): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: string): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export interface CallContext {
  learnerId: string;
}

export interface CallFailure {
  call: AdlApiCall;
  message: string;
}

export function runCalls(api: ScormApi, calls: readonly AdlApiCall[], context: CallContext): CallFailure[] {
  const failures: CallFailure[] = [];
  for (const call of calls) {
    const message = runCall(api, call, context);
    if (message) failures.push({ call, message });
  }
  return failures;
}

/** Returns why the call did not behave as the script expects, or null. */
export function runCall(api: ScormApi, call: AdlApiCall, context: CallContext): string | null {
  switch (call.method) {
    case 'Initialize':
    case 'Commit':
    case 'Terminate':
      return checkLiteral(`${call.method}("${call.argument}")`, api[call.method](call.argument), api, call.expected);
    case 'SetValue': {
      const element = resolveElement(api, call.element);
      if (element === null) return missingLookup(call.element);
      return checkLiteral(`SetValue("${element}", …)`, api.SetValue(element, call.value), api, call.expected);
    }
    case 'GetValue': {
      const element = resolveElement(api, call.element);
      if (element === null) return missingLookup(call.element);
      return checkGetValue(element, call.element, api.GetValue(element), api, call.expected, context);
    }
    case 'GetLastError': {
      const returned = api.GetLastError();
      return checkLiteral('GetLastError()', returned, api, call.expected);
    }
    case 'GetErrorString':
    case 'GetDiagnostic': {
      const returned = api[call.method](call.argument);
      const expected = call.expected.value;
      // ADL accepts any diagnostic shorter than 255 characters.
      const ok =
        call.method === 'GetDiagnostic' || (typeof expected === 'object' && expected.check === 'shorterThan255')
          ? returned.length < 255
          : typeof expected === 'object' && expected.check === 'empty'
            ? returned === ''
            : returned === expected;
      if (!ok) return `${call.method}("${call.argument}") returned "${returned}", expected ${describe(expected)}`;
      return checkErrorCode(`${call.method}("${call.argument}")`, api, call.expected);
    }
    case 'CompareObjectiveIds': {
      const ids = objectiveIds(api);
      const expected = new Set(call.objectiveIds);
      if (ids.length !== expected.size || ids.some((id) => !expected.has(id))) {
        return `cmi.objectives holds [${ids.join(', ')}], expected [${call.objectiveIds.join(', ')}]`;
      }
      return null;
    }
  }
}

function checkGetValue(
  element: string,
  written: AdlElement,
  returned: string,
  api: ScormApi,
  expectation: AdlExpectation,
  context: CallContext,
): string | null {
  const label = `GetValue("${element}")`;
  const expected = expectation.value;
  if (typeof expected === 'object') {
    if (expected.check === 'learnerId' && returned !== context.learnerId) {
      return `${label} returned "${returned}", expected the learner id "${context.learnerId}"`;
    }
    return checkErrorCode(label, api, expectation);
  }
  // Navigation validity: ADL accepts any of the three answers, and for
  // choice and jump it does not check the error code either.
  if (element.startsWith('adl.nav.request_valid.')) {
    if (!['true', 'false', 'unknown'].includes(returned)) return `${label} returned "${returned}", expected true, false or unknown`;
    return /\.(choice|jump)\./.test(element) ? null : checkErrorCode(label, api, expectation);
  }
  // comments_from_lms is optional content of the LMS: any success or "no data" answer passes.
  if (element.includes('comments_from_lms') && !element.endsWith('_children')) {
    const code = api.GetLastError();
    const accepted = ['0', '301', '403'].concat(element === 'cmi.comments_from_lms' ? ['401'] : []);
    return accepted.includes(code) ? null : `${label} failed with error ${code}`;
  }
  const isCount = element.endsWith('._count');
  let ok: boolean;
  if (expected !== '' && !isCount) ok = valuesEqualForElement(element, expected, returned);
  else if (expected === '' && written.lookupId !== undefined && element.endsWith('.id')) ok = returned === written.lookupId;
  else if (returned.startsWith('{') && !isCount) ok = valuesEqualForElement(element, expected, returned);
  else ok = returned === expected;
  if (!ok) return `${label} returned "${truncate(returned)}", expected "${truncate(expected)}"`;
  return checkErrorCode(label, api, expectation);
}

function checkLiteral(label: string, returned: string, api: ScormApi, expectation: AdlExpectation): string | null {
  const expected = expectation.value;
  if (typeof expected === 'string' && returned !== expected) {
    return `${label} returned "${truncate(returned)}", expected "${truncate(expected)}" (error ${api.GetLastError()})`;
  }
  return checkErrorCode(label, api, expectation);
}

function checkErrorCode(label: string, api: ScormApi, expectation: AdlExpectation): string | null {
  if (expectation.errorCode === '') return null;
  const code = api.GetLastError();
  return code === expectation.errorCode ? null : `${label}: error code ${code}, expected ${expectation.errorCode}`;
}

/** Replaces an `{id}` placeholder with the index of the objective (or data store) of that id. */
function resolveElement(api: ScormApi, element: AdlElement): string | null {
  if (element.lookupId === undefined) return element.path;
  const collection = element.lookupCollection ?? 'cmi.objectives';
  const count = Number(api.GetValue(`${collection}._count`)) || 0;
  for (let index = 0; index < count; index++) {
    if (api.GetValue(`${collection}.${index}.id`) === element.lookupId) {
      return element.path.replace(`{${element.lookupId}}`, String(index));
    }
  }
  return null;
}

function objectiveIds(api: ScormApi): string[] {
  const count = Number(api.GetValue('cmi.objectives._count')) || 0;
  return Array.from({ length: count }, (_, index) => api.GetValue(`cmi.objectives.${index}.id`));
}

function missingLookup(element: AdlElement): string {
  return `${element.path}: no ${element.lookupCollection} entry has the id "${element.lookupId}"`;
}

function describe(expected: AdlExpectation['value']): string {
  return typeof expected === 'string' ? `"${expected}"` : expected.check;
}

function truncate(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}…(${value.length} chars)` : value;
}
