// How ADL's suite compares a GetValue result with the script's expectation.
//
// ADL did not compare strings: it loaded the expected value into its own data
// model element and asked the element whether the returned value was equal
// for that element's data type (a real 0.80 equals 0.8, a duration PT60S
// equals PT1M, a localized string without {lang} equals one with {lang=en}).
// This module states those type rules for the elements the scripts read.

const REAL_ELEMENTS =
  /(\.score\.(scaled|raw|min|max)|\.progress_measure|\.scaled_passing_score|\.completion_threshold|\.weighting|\.audio_level|\.delivery_speed|\.audio_captioning)$/;
const DURATION_ELEMENTS = /(\.session_time|\.total_time|\.max_time_allowed|\.latency)$/;
const TIME_ELEMENTS = /\.timestamp$/;
const LOCALIZED_ELEMENTS = /(\.comment|\.description)$/;
const LANGUAGE_ELEMENTS = /\.language$/;
// RTE 4th Ed. 4.1.1: _children lists the supported elements; their order is not part of the answer.
const CHILDREN_KEYWORD = /\._children$/;

export function valuesEqualForElement(element: string, expected: string, returned: string): boolean {
  if (expected === returned) return true;
  if (REAL_ELEMENTS.test(element)) return realsEqual(expected, returned);
  if (DURATION_ELEMENTS.test(element)) return durationsEqual(expected, returned);
  if (TIME_ELEMENTS.test(element)) return timesEqual(expected, returned);
  if (LOCALIZED_ELEMENTS.test(element)) return localizedEqual(expected, returned);
  if (LANGUAGE_ELEMENTS.test(element)) return expected.toLowerCase() === returned.toLowerCase();
  if (CHILDREN_KEYWORD.test(element)) return sameNames(expected, returned);
  return false;
}

/** Two comma-separated lists of element names hold the same names, in any order. */
function sameNames(a: string, b: string): boolean {
  const x = a.split(',').sort();
  const y = b.split(',').sort();
  return x.length === y.length && x.every((name, index) => name === y[index]);
}

function realsEqual(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  return a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y) && x === y;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds of an ISO 8601 duration (a year as 365 days, a month as 30), or null. */
export function durationSeconds(value: string): number | null {
  const match = DURATION.exec(value);
  if (!match || value === 'P' || value.endsWith('T')) return null;
  const [years, months, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  return (
    Math.round(
      ((((years! * 365 + months! * 30 + days!) * 24 + hours!) * 60 + minutes!) * 60 + seconds!) * 100,
    ) / 100
  );
}

function durationsEqual(a: string, b: string): boolean {
  const x = durationSeconds(a);
  return x !== null && x === durationSeconds(b);
}

function timesEqual(a: string, b: string): boolean {
  const x = Date.parse(a);
  return !Number.isNaN(x) && x === Date.parse(b);
}

/** `{lang=xx}text`: an absent language is "en"; languages compare case-insensitively. */
function localizedEqual(a: string, b: string): boolean {
  const x = splitLanguage(a);
  const y = splitLanguage(b);
  return x.language === y.language && x.text === y.text;
}

function splitLanguage(value: string): { language: string; text: string } {
  const match = /^\{lang=([^}]*)\}/.exec(value);
  if (!match) return { language: 'en', text: value };
  return { language: match[1]!.toLowerCase(), text: value.slice(match[0].length) };
}
