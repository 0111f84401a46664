import type { CourseDraft } from '../../../../shared/api/learning-content';

// The editor's view of a draft: the blocks typed loosely (a draft may be
// incomplete; only publishing demands a whole course), plus the small pure
// operations the editor performs on it.

export type DraftText = { type: 'text'; id: string; markdown: string };
export type DraftImage = { type: 'image'; id: string; assetId?: string; alt: string; decorative?: boolean; caption?: string };
export type DraftVideo = {
  type: 'video';
  id: string;
  title: string;
  source?: { kind: 'asset'; assetId: string } | { kind: 'url'; url: string };
  captionsAssetId?: string;
  transcript?: string;
};
export type DraftOption = { id: string; text: string; correct: boolean; feedback?: string };
export type DraftQuestion = { id: string; prompt: string; multiple: boolean; options: DraftOption[]; explanation?: string };
export type DraftQuiz = { type: 'quiz'; id: string; title?: string; passMark: number; questions: DraftQuestion[] };
export type DraftBlock = DraftText | DraftImage | DraftVideo | DraftQuiz;
export type DraftLesson = { id: string; title: string; blocks: DraftBlock[] };
export type EditorDraft = { title: string; description?: string; lessons: DraftLesson[] };
export type BlockType = DraftBlock['type'];

export const toEditorDraft = (draft: CourseDraft): EditorDraft => draft as unknown as EditorDraft;
export const toCourseDraft = (draft: EditorDraft): CourseDraft => draft as unknown as CourseDraft;

/** A short id in the content's id format; unique enough within one course. */
export function newId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 10);
}

export function newOption(): DraftOption {
  return { id: newId(), text: '', correct: false };
}

export function newQuestion(): DraftQuestion {
  return { id: newId(), prompt: '', multiple: false, options: [newOption(), newOption()] };
}

export function newBlock(type: BlockType): DraftBlock {
  switch (type) {
    case 'text':
      return { type, id: newId(), markdown: '' };
    case 'image':
      return { type, id: newId(), alt: '' };
    case 'video':
      return { type, id: newId(), title: '' };
    case 'quiz':
      return { type, id: newId(), passMark: 80, questions: [newQuestion()] };
  }
}

export function newLesson(): DraftLesson {
  return { id: newId(), title: '', blocks: [newBlock('text')] };
}

/** The list with the element at `index` moved by `delta` places (unchanged at the ends). */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

export const replaceAt = <T>(list: readonly T[], index: number, value: T): T[] => list.map((x, i) => (i === index ? value : x));
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

/** In a single-choice question, marking one option correct unmarks the others. */
export function markCorrect(q: DraftQuestion, optionIndex: number, correct: boolean): DraftQuestion {
  return { ...q, options: q.options.map((o, i) => (i === optionIndex ? { ...o, correct } : q.multiple || !correct ? o : { ...o, correct: false })) };
}

/** Issues for one lesson, counted so a lesson tab can say it needs attention. */
export const issuesUnder = (issues: Record<string, string>, prefix: string) => Object.keys(issues).filter((k) => k === prefix || k.startsWith(`${prefix}.`)).length;
