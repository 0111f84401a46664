// Decodes one ADL LMS test script (.properties text) into typed steps.
//
// The format, as ADL's test suite reads it:
// - Lines are `key=value`; a line ending in `\` continues on the next line
//   (joined as is, unlike java.util.Properties); a line containing `####` is a
//   separator. `\uXXXX` escapes in commands stand for that character.
// - Header keys (title, purpose, seqInfo, TT…) describe the test for a person.
// - `Act<activity>V<visit>.<field>` lines describe one visit; consecutive
//   lines with the same prefix form one visit, in file order, which is the
//   order the LMS must deliver them. Fields: UIQ/UIA (questions and Y/N
//   answers), commands.<n> (API calls), CUI (instruction to the tester).
// - A command is `METHOD->parameter->expected value->expected error code`.
//   METHOD is I (Initialize), C (Commit), T (Terminate), GET, SET, GLE
//   (GetLastError), GES (GetErrorString), GeDi (GetDiagnostic) or COI
//   (compare the ids of cmi.objectives with a comma-separated list).
//   GET/SET parameters are `~`-separated abbreviated element paths
//   (adl-abbreviations.ts); a SET writes `path!value`; `&id&` stands for the
//   index of the objective (or adl.data store) with that id; `tar~x` is the
//   `{target=x}` delimiter.
//
// Pure string processing: usable in Node and in a browser.

import type {
  AdlApiCall,
  AdlElement,
  AdlExpectation,
  AdlInstruction,
  AdlScript,
  AdlScriptInfo,
  AdlUiCheck,
  AdlVisit,
} from './adl-script.types.js';
import {
  CHECK_EMPTY,
  CHECK_SHORTER_THAN_255,
  ELEMENT_ABBREVIATIONS,
  LOOKS_LIKE_VALUE_ABBREVIATION,
  TARGET_TOKEN,
  VALUE_ABBREVIATIONS,
  targetDelimiter,
} from './adl-abbreviations.js';

export class AdlScriptDecodeError extends Error {
  constructor(
    readonly line: string,
    reason: string,
  ) {
    super(`${reason}: ${line.length > 120 ? `${line.slice(0, 120)}…` : line}`);
    this.name = 'AdlScriptDecodeError';
  }
}

const HEADER_KEYS: Record<string, keyof AdlScriptInfo | 'title'> = {
  title: 'title',
  UserInterAct: 'userInteraction',
  start: 'start',
  purpose: 'purpose',
  RTDInit: 'runTimeDataInit',
  seqInfo: 'sequencingInfo',
  TT: 'testTypes',
  end: 'end',
};

const VISIT_KEY = /^Act(.+?)V(\d+)\.(.+)$/;

export function decodeAdlScript(text: string): AdlScript {
  let name = '';
  const info: AdlScriptInfo = {
    userInteraction: '',
    start: '',
    purpose: '',
    runTimeDataInit: '',
    sequencingInfo: '',
    testTypes: [],
    end: '',
  };
  const visits: AdlVisit[] = [];
  const skippedCommands: AdlScript['skippedCommands'] = [];
  let current: (AdlVisit & { uiQuestions: string; uiAnswers: string; rawLine: string }) | null = null;

  const closeVisit = () => {
    if (!current) return;
    const { uiQuestions, uiAnswers, rawLine, ...visit } = current;
    visit.uiChecks = decodeUiChecks(uiQuestions, uiAnswers, rawLine);
    visits.push(visit);
    current = null;
  };

  for (const line of logicalLines(text)) {
    const separator = line.indexOf('=');
    if (separator < 0) throw new AdlScriptDecodeError(line, 'line without "="');
    const key = line.slice(0, separator);
    const value = line.slice(separator + 1);

    const header = HEADER_KEYS[key];
    if (header === 'title') name = value;
    else if (header === 'testTypes') info.testTypes = value.split('~').filter(Boolean);
    else if (header) info[header] = value;
    if (header) continue;

    const visitKey = VISIT_KEY.exec(key);
    if (!visitKey) throw new AdlScriptDecodeError(line, 'unknown key');
    const [, activity, visitNumber, field] = visitKey as unknown as [string, string, string, string];
    const prefix = key.slice(0, key.length - field.length - 1);
    if (!current || current.key !== prefix) {
      closeVisit();
      current = {
        key: prefix,
        activity,
        visitNumber: Number(visitNumber),
        uiChecks: [],
        calls: [],
        instruction: null,
        uiQuestions: '',
        uiAnswers: '',
        rawLine: line,
      };
    }
    if (field === 'UIQ') current.uiQuestions = value;
    else if (field === 'UIA') current.uiAnswers = value;
    else if (field === 'CUI') current.instruction = decodeInstruction(value);
    else if (/^commands\.\d+$/.test(field)) {
      const command = unescapeUnicode(value);
      if (isMissingMethod(command)) skippedCommands.push({ visitKey: prefix, command });
      else current.calls.push(decodeCommand(command));
    }
    else throw new AdlScriptDecodeError(line, `unknown visit field "${field}"`);
  }
  closeVisit();
  if (!name) throw new AdlScriptDecodeError('', 'script without a title');
  return { name, info, visits, skippedCommands };
}

/** A command that starts with an element path instead of a method name. */
function isMissingMethod(command: string): boolean {
  const method = command.split('->')[0]!;
  return method.includes('~');
}

/** Physical lines joined at trailing backslashes, separators and blank lines dropped. */
function* logicalLines(text: string): Generator<string> {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!;
    if (line.includes('####') || line.trim() === '') continue;
    yield line;
  }
}

function unescapeUnicode(value: string): string {
  return value.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function decodeCommand(command: string): AdlApiCall {
  const fields = command.split('->');
  const method = fields[0]!;
  const parameter = fields[1] ?? '';
  // As in ADL's parser: a value that contains "->" is cut there (the content
  // sets the cut value) and the expectation is the last field before the
  // error code.
  const expectedValue = fields.length > 3 ? fields[fields.length - 2]! : (fields[2] ?? '');
  const errorCode = fields.length > 2 ? fields[fields.length - 1]! : '';
  const expect = (value: AdlExpectation['value']): AdlExpectation => ({ value, errorCode });

  switch (method) {
    case 'I':
    case 'C':
    case 'T':
      if (fields.length < 4 && method !== 'T') throw new AdlScriptDecodeError(command, 'missing fields');
      return {
        method: method === 'I' ? 'Initialize' : method === 'C' ? 'Commit' : 'Terminate',
        argument: parameter,
        expected: method === 'T' && fields.length < 4 ? expect('') : expect(decodeValue(expectedValue, command)),
      };
    case 'GET': {
      if (fields.length < 4) throw new AdlScriptDecodeError(command, 'missing fields');
      const { element, interactionType } = decodeGetParameter(parameter, command);
      let value: AdlExpectation['value'] = decodeValue(expectedValue, command);
      // ADL compares these with the learner the tester registered, not a literal.
      if (element.path === 'cmi.learner_id') value = { check: 'learnerId' };
      if (element.path === 'cmi.learner_name') value = { check: 'learnerName' };
      return { method: 'GetValue', element, expected: expect(value), ...(interactionType ? { interactionType } : {}) };
    }
    case 'SET': {
      if (fields.length < 4) throw new AdlScriptDecodeError(command, 'missing fields');
      const bang = parameter.indexOf('!');
      if (bang < 0) throw new AdlScriptDecodeError(command, 'SetValue without "!"');
      const element = decodeElementPath(parameter.slice(0, bang), command);
      const value = decodeSetValue(parameter.slice(bang + 1), command);
      return { method: 'SetValue', element, value, expected: expect(decodeValue(expectedValue, command)) };
    }
    case 'GLE':
      return { method: 'GetLastError', expected: expect(expectedValue) };
    case 'GES':
    case 'GeDi': {
      const check =
        expectedValue === CHECK_SHORTER_THAN_255
          ? { check: 'shorterThan255' as const }
          : expectedValue === CHECK_EMPTY
            ? { check: 'empty' as const }
            : expectedValue;
      return { method: method === 'GES' ? 'GetErrorString' : 'GetDiagnostic', argument: parameter, expected: expect(check) };
    }
    case 'COI':
      return { method: 'CompareObjectiveIds', objectiveIds: parameter.split(',').filter(Boolean) };
    default:
      throw new AdlScriptDecodeError(command, `unknown command "${method}"`);
  }
}

function decodeGetParameter(parameter: string, command: string): { element: AdlElement; interactionType?: string } {
  // An interaction response may carry the interaction type ADL used to
  // compare it: `c~INTR~6~CR~0~P!TY.m`.
  const bang = parameter.indexOf('!');
  if (bang < 0 || !parameter.includes('~')) return { element: decodeElementPath(parameter, command) };
  const type = VALUE_ABBREVIATIONS[parameter.slice(bang + 1)];
  if (!type) throw new AdlScriptDecodeError(command, 'unknown interaction type');
  return { element: decodeElementPath(parameter.slice(0, bang), command), interactionType: type };
}

/** `c~OB~&obj1&~SS` → cmi.objectives.{obj1}.success_status. A path without `~` is literal. */
export function decodeElementPath(abbreviated: string, command: string): AdlElement {
  if (!abbreviated.includes('~')) return { path: abbreviated };
  const tokens = abbreviated.split('~');
  const segments: string[] = [];
  let lookupId: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === TARGET_TOKEN && i + 1 < tokens.length) {
      segments.push(targetDelimiter(tokens[++i]!));
    } else if (/^\d+$/.test(token)) {
      segments.push(token);
    } else if (/^&.+&$/.test(token)) {
      lookupId = token.slice(1, -1);
      segments.push(`{${lookupId}}`);
    } else if (ELEMENT_ABBREVIATIONS[token] !== undefined) {
      segments.push(ELEMENT_ABBREVIATIONS[token]);
    } else {
      throw new AdlScriptDecodeError(command, `unknown element abbreviation "${token}"`);
    }
  }
  const path = segments.join('.');
  if (lookupId === undefined) return { path };
  const lookupCollection = path.startsWith('adl.data.') ? 'adl.data' : 'cmi.objectives';
  return { path, lookupId, lookupCollection };
}

function decodeSetValue(raw: string, command: string): string {
  // A navigation request with a target: `tar~activity_3~TY.c` → {target=activity_3}choice.
  if (raw.startsWith(`${TARGET_TOKEN}~`)) {
    const [, target, request] = raw.split('~');
    const name = request !== undefined ? VALUE_ABBREVIATIONS[request] : undefined;
    if (!target || !name) throw new AdlScriptDecodeError(command, 'malformed navigation target');
    return targetDelimiter(target) + name;
  }
  return decodeValue(raw, command);
}

function decodeValue(raw: string, command: string): string {
  const expanded = VALUE_ABBREVIATIONS[raw];
  if (expanded !== undefined) return expanded;
  if (LOOKS_LIKE_VALUE_ABBREVIATION.test(raw)) {
    throw new AdlScriptDecodeError(command, `unknown value abbreviation "${raw}"`);
  }
  return raw;
}

function decodeInstruction(raw: string): AdlInstruction | null {
  if (raw === '') return null;
  if (raw === 'Exit') return { kind: 'exit' };
  if (raw === 'Continue') return { kind: 'navigate', request: 'continue' };
  if (raw === 'Previous') return { kind: 'navigate', request: 'previous' };
  const tilde = raw.indexOf('~');
  const code = tilde < 0 ? raw : raw.slice(0, tilde);
  const argument = tilde < 0 ? undefined : raw.slice(tilde + 1);
  if (code === 'Choice' && argument) return { kind: 'choice', activityTitle: argument };
  return { kind: 'special', code, ...(argument !== undefined ? { argument } : {}) };
}

function decodeUiChecks(questions: string, answers: string, line: string): AdlUiCheck[] {
  if (questions === '' && answers === '') return [];
  const keys = questions.split('~');
  const expected = answers.split('~');
  if (keys.length !== expected.length) throw new AdlScriptDecodeError(line, 'UI questions and answers differ in number');
  return keys.map((key, i) => {
    const answer = expected[i];
    if (answer !== 'Y' && answer !== 'N') throw new AdlScriptDecodeError(line, `UI answer "${answer}" is not Y or N`);
    return decodeUiCheck(key, answer === 'Y', line);
  });
}

function decodeUiCheck(key: string, expected: boolean, line: string): AdlUiCheck {
  const at = key.indexOf('@');
  const question = at < 0 ? key : key.slice(0, at);
  const subject = at < 0 ? '' : key.slice(at + 1);
  switch (question) {
    case 'continue.enabled':
    case 'continue.disabled':
    case 'previous.enabled':
    case 'previous.disabled': {
      const [button, state] = question.split('.') as ['continue' | 'previous', string];
      return { kind: 'navigationButton', button, enabled: state === 'enabled', expected };
    }
    case 'toc.enabled':
      if (subject) break;
      return { kind: 'tocEnabled', expected };
    case 'toc.enabled.selectable':
      return { kind: 'tocSelectable', activityTitle: subject, expected };
    case 'toc.visible':
      return { kind: 'tocVisible', activityTitle: subject, expected };
    case 'ui.visible':
      return { kind: 'navigationControlVisible', event: subject, expected };
    case 'click.button':
      return { kind: 'prompt', expected };
  }
  throw new AdlScriptDecodeError(line, `unknown UI question "${key}"`);
}
