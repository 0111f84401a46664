import type { ContentBlock, Lesson } from '../../../../shared/api/learning-content.js';
import { AppError } from '../../../http/app-error.js';

// Quizzes are scored on the server only: the learner's browser never holds
// the answers. A question counts as correct when exactly the correct options
// were chosen; the score is the share of correct questions and the pass mark
// a percentage of it.

export type QuizBlock = Extract<ContentBlock, { type: 'quiz' }>;

export type ScoredQuestion = {
  questionId: string;
  chosen: string[];
  correct: boolean;
  feedback: { optionId: string; text: string }[];
  explanation: string | null;
};

export type ScoredQuiz = { score: number; correctCount: number; passed: boolean; questions: ScoredQuestion[] };

export const quizOf = (lesson: Lesson): QuizBlock | undefined => lesson.blocks.find((b): b is QuizBlock => b.type === 'quiz');

const invalid = (message: string, details: Record<string, unknown>) => AppError.validation(message, { reason: 'INVALID_ANSWERS', ...details });

export function scoreQuiz(quiz: QuizBlock, answers: Record<string, string[]>): ScoredQuiz {
  const known = new Set(quiz.questions.map((q) => q.id));
  const unknown = Object.keys(answers).find((id) => !known.has(id));
  if (unknown) throw invalid(`The quiz has no question "${unknown}".`, { questionId: unknown });

  const questions = quiz.questions.map((q): ScoredQuestion => {
    const chosen = answers[q.id];
    if (!chosen || chosen.length === 0) throw invalid('Answer every question before you check your answers.', { questionId: q.id, problem: 'UNANSWERED' });
    if (new Set(chosen).size !== chosen.length) throw invalid('An option is chosen twice.', { questionId: q.id });
    if (!q.multiple && chosen.length !== 1) throw invalid('Choose exactly one option in a single-choice question.', { questionId: q.id, problem: 'SINGLE_CHOICE' });
    const options = new Map(q.options.map((o) => [o.id, o]));
    const stranger = chosen.find((id) => !options.has(id));
    if (stranger) throw invalid(`The question has no option "${stranger}".`, { questionId: q.id, optionId: stranger });
    const right = q.options.filter((o) => o.correct).map((o) => o.id);
    const correct = right.length === chosen.length && right.every((id) => chosen.includes(id));
    return {
      questionId: q.id,
      chosen,
      correct,
      feedback: chosen.flatMap((id) => {
        const feedback = options.get(id)!.feedback;
        return feedback ? [{ optionId: id, text: feedback }] : [];
      }),
      explanation: q.explanation ?? null,
    };
  });
  const correctCount = questions.filter((q) => q.correct).length;
  return {
    score: correctCount / questions.length,
    correctCount,
    // In whole numbers, so 2 of 3 against a pass mark of 67 is not decided by rounding.
    passed: correctCount * 100 >= quiz.passMark * questions.length,
    questions,
  };
}
