import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { call, type Session, type TestApp } from '../../../../../test/harness.js';
import type { CourseContent } from '../../../../shared/api/learning-content.js';
import type { DB } from '../../../db/schema.js';

// Test helpers for built-in courses: a course item written directly (as the
// owner, around the catalogue API), a small two-lesson course with a quiz,
// and publishing through the API.

export async function insertCourseItem(
  db: Kysely<DB>,
  municipalityId: string,
  o: { languages?: string[]; status?: 'draft' | 'published' | 'archived'; ownerNetworkId?: string | null; certificateEnabled?: boolean } = {},
): Promise<string> {
  const languages = o.languages ?? ['nb'];
  const { id } = await db
    .insertInto('learning_items')
    .values({
      municipality_id: municipalityId,
      kind: 'course',
      status: o.status ?? 'published',
      owner_network_id: o.ownerNetworkId ?? null,
      titles: JSON.stringify(Object.fromEntries(languages.map((l) => [l, `Kurs ${l} ${randomUUID().slice(0, 6)}`]))),
      languages,
      certificate_enabled: o.certificateEnabled ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Two lessons: reading, then a lesson with a quiz (one single-choice and one multiple-choice question, pass mark 50). */
export function sampleCourse(title = 'Smittevern'): CourseContent {
  return {
    title,
    lessons: [
      { id: 'intro', title: 'Hvorfor håndhygiene', blocks: [{ type: 'text', id: 'b1', markdown: '**Hender** sprer smitte.' }] },
      {
        id: 'check',
        title: 'Sjekk deg selv',
        blocks: [
          { type: 'text', id: 'b1', markdown: 'Svar på spørsmålene.' },
          {
            type: 'quiz',
            id: 'q',
            passMark: 50,
            questions: [
              {
                id: 'q1',
                prompt: 'Hvor lenge bør du vaske hendene?',
                multiple: false,
                options: [
                  { id: 'a', text: '5 sekunder', correct: false, feedback: 'For kort.' },
                  { id: 'b', text: '30 sekunder', correct: true, feedback: 'Riktig.' },
                ],
                explanation: 'Minst 30 sekunder.',
              },
              {
                id: 'q2',
                prompt: 'Når skal du sprite hendene?',
                multiple: true,
                options: [
                  { id: 'a', text: 'Før pasientkontakt', correct: true },
                  { id: 'b', text: 'Etter pasientkontakt', correct: true },
                  { id: 'c', text: 'Aldri', correct: false, feedback: 'Nei.' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

export const courseUrl = (municipalityId: string, itemId: string) => `/api/v1/municipalities/${municipalityId}/learning/items/${itemId}/course`;

export async function saveDraft(t: TestApp, session: Session, municipalityId: string, itemId: string, language: string, draft: unknown) {
  const current = await call(t.app, session, 'GET', `${courseUrl(municipalityId, itemId)}/${language}/draft`);
  if (current.statusCode !== 200) throw new Error(`draft answered ${current.statusCode}: ${current.body}`);
  return call(t.app, session, 'PUT', `${courseUrl(municipalityId, itemId)}/${language}/draft`, { draft, expectedUpdatedAt: current.json().updatedAt });
}

/** Saves the content as the draft and publishes it; returns the version number. */
export async function publishCourse(t: TestApp, session: Session, municipalityId: string, itemId: string, language: string, content: unknown): Promise<number> {
  const saved = await saveDraft(t, session, municipalityId, itemId, language, content);
  if (saved.statusCode !== 200) throw new Error(`save answered ${saved.statusCode}: ${saved.body}`);
  const res = await call(t.app, session, 'POST', `${courseUrl(municipalityId, itemId)}/${language}/publish`);
  if (res.statusCode !== 201) throw new Error(`publish answered ${res.statusCode}: ${res.body}`);
  return res.json().version;
}
