import { describe, expect, it } from 'vitest';
import { scoreQuiz, type QuizBlock } from './course-quiz.js';

const quiz = (passMark: number): QuizBlock => ({
  type: 'quiz',
  id: 'q',
  passMark,
  questions: ['a', 'b', 'c'].map((id) => ({
    id,
    prompt: id,
    multiple: id === 'c',
    options: [
      { id: 'x', text: 'x', correct: true },
      { id: 'y', text: 'y', correct: id === 'c' },
      { id: 'z', text: 'z', correct: false },
    ],
  })),
});

describe('scoring a quiz', () => {
  it('counts a multiple-choice question only when exactly the correct options are chosen', () => {
    expect(scoreQuiz(quiz(0), { a: ['x'], b: ['x'], c: ['x', 'y'] }).correctCount).toBe(3);
    expect(scoreQuiz(quiz(0), { a: ['x'], b: ['x'], c: ['x'] }).correctCount).toBe(2);
    expect(scoreQuiz(quiz(0), { a: ['x'], b: ['x'], c: ['x', 'y', 'z'] }).correctCount).toBe(2);
  });

  it('decides the pass mark in whole numbers: 2 of 3 passes 66 but not 67', () => {
    const answers = { a: ['x'], b: ['z'], c: ['x', 'y'] };
    expect(scoreQuiz(quiz(66), answers)).toMatchObject({ passed: true, correctCount: 2 });
    expect(scoreQuiz(quiz(67), answers).passed).toBe(false);
    expect(scoreQuiz(quiz(100), { a: ['x'], b: ['x'], c: ['x', 'y'] })).toMatchObject({ passed: true, score: 1 });
  });

  it('refuses unanswered questions, two options in a single-choice question, and unknown ids', () => {
    const malformed: Record<string, string[]>[] = [{ a: ['x'], b: ['x'] }, { a: ['x', 'y'], b: ['x'], c: ['x'] }, { a: ['w'], b: ['x'], c: ['x'] }, { a: ['x'], b: ['x'], c: ['x'], d: ['x'] }, { a: ['x', 'x'], b: ['x'], c: ['x'] }];
    const reasons = malformed.map(
      (answers) => {
        try {
          scoreQuiz(quiz(50), answers);
          return 'accepted';
        } catch (err) {
          return (err as { code: string }).code;
        }
      },
    );
    expect(reasons).toEqual(['VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION', 'VALIDATION']);
  });
});
