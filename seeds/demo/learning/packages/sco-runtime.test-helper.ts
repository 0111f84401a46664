import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import type { ScoContent } from './sco-content.js';

// Loads the SCOs' shared runtime (shared/sco.js) the way a browser would run
// it, in a fresh global, and hands back its LMS logic so tests can drive it
// against a real SCORM API object (scorm-again, as in the player).

type Lms = unknown;
export type ScoCourse = {
  page: number;
  lang: 'nb' | 'en';
  start(): boolean;
  pageCount(): number;
  go(page: number): boolean;
  setLanguage(lang: 'nb' | 'en'): boolean;
  choose(questionId: string, optionIds: string[]): void;
  submit(): { percent: number; passed: boolean; correct: Record<string, boolean> };
  retry(): boolean;
  finish(): boolean;
};
export type ScoRuntime = {
  findApi(win: unknown, name: string): unknown;
  lms12(api: unknown): Lms;
  lms2004(api: unknown): Lms;
  Course: new (lms: Lms, content: ScoContent, clock?: () => number) => ScoCourse;
};

export function loadScoRuntime(): ScoRuntime {
  const source = readFileSync(new URL('./shared/sco.js', import.meta.url), 'utf8');
  const context: { MestringSco?: ScoRuntime } = {};
  runInNewContext(source, context);
  if (!context.MestringSco) throw new Error('sco.js did not define MestringSco');
  return context.MestringSco;
}
