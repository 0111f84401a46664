import type { CourseContent } from '../../../../src/shared/api/learning-content.js';

// Getting started with the patient record (English). Written for the demo, for
// new staff in municipal health and care, whatever record system is in use.

export const patientRecordEn: CourseContent = {
  title: 'Getting started with the patient record',
  description:
    'For new staff: signing in, finding the right patient, reading plans and tasks, documenting visits, handing over, and protecting privacy in the record. About 30 minutes.',
  lessons: [
    {
      id: 'sign-in',
      title: 'Sign in – as yourself',
      blocks: [
        {
          type: 'text',
          id: 'own-user',
          markdown: `The record is where we write down the care people receive. It is a work tool, a legal document and the person's own history. So we must always know who wrote what.

- **Sign in with your own user**, on a PC with a card or code and on a tablet with two-factor sign-in, as your municipality has decided.
- If you have no access yet, tell your leader. Never use a colleague's sign-in, and never lend yours.
- **Lock or sign out** when you leave the screen. On shared tablets, sign out at the end of your shift.

The first time you sign in, spend five minutes looking around: Where is the work list? Where is the report from the last shift? Where do you write a new note?`,
        },
      ],
    },
    {
      id: 'find-patient',
      title: 'Find the right patient',
      blocks: [
        {
          type: 'text',
          id: 'identify',
          markdown: `The most common error in records is writing about the right event in the wrong person's record. That can have serious consequences, such as a medicine being given or stopped by mistake.

**How to find the right person:**

1. Start from your **work list** – it holds the people you will visit today.
2. When you search, use **name and date of birth** (or national identity number), not only the name.
3. **Check two identifiers** before you read or write: for example name and date of birth, or name and address.
4. Look out for the system's warnings about **similar names**.

Only open the records of people you provide care for. Every look-up is logged.`,
        },
      ],
    },
    {
      id: 'read-plans',
      title: 'Read plans and tasks',
      blocks: [
        {
          type: 'text',
          id: 'what-to-read',
          markdown: `Before you go in to a service user, you should know what is planned and what has happened since last time.

- **The care plan** says what the person needs help with, how and how often. It builds on the decision on services.
- **The report** from the last shift tells you about changes, observations and messages.
- **The medicine list** shows the medicines the person uses now, with dose and time.
- **Critical information**, such as serious allergies, is often shown in its own place at the top of the record. Check it.

If something is unclear, or the plan does not match what you see, ask a colleague or the nurse. The plan should change when needs change – and your observation is often what starts that change.`,
        },
      ],
    },
    {
      id: 'document-visit',
      title: 'Document the visit',
      blocks: [
        {
          type: 'text',
          id: 'how',
          markdown: `Document what is **relevant and necessary** for the care the person receives. You need not write that every task went as planned, but you must write when something is different.

**Write about**

- changes in health, mood, appetite, sleep or function
- what you did, and what was not done – and why
- what the person said, ideally in their own words
- messages to others, and whom you contacted

**How to write well**

- Describe what you saw and heard, not interpretations: *"Ate half a slice, said she was not hungry"* is better than *"Poor appetite as usual"*.
- Write during the same shift, while you remember.
- Write factually and respectfully – the person can read their record.
- If you wrote something wrong, correct it with a new note or the system's correction feature. Don't delete.`,
        },
        {
          type: 'quiz',
          id: 'note-check',
          title: 'Check yourself',
          passMark: 50,
          questions: [
            {
              id: 'best-note',
              prompt: 'Which note is best?',
              multiple: false,
              options: [
                { id: 'vague', text: '"Was a bit odd today."', correct: false, feedback: 'The next shift cannot tell what you saw.' },
                { id: 'concrete', text: '"Did not know what day it was, which is new. Told the nurse at 10:00."', correct: true, feedback: 'Right: a concrete observation, and what you did.' },
                { id: 'opinion', text: '"Is probably developing dementia."', correct: false, feedback: 'That is an interpretation, not an observation.' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'report',
      title: 'Handover and messages',
      blocks: [
        {
          type: 'text',
          id: 'handover',
          markdown: `Handover between shifts should be **written in the record**, so nothing is lost if a spoken message slips. A short spoken handover may come in addition.

- Flag what matters for the next shift, the way the system allows.
- Messages to the GP, the out-of-hours service or the hospital go as **electronic messages** from the record. That way they reach the right recipient and are documented.
- Don't send information about service users by text message, ordinary e-mail or chat apps.
- If something is urgent, phone – and afterwards document what you reported and to whom.`,
        },
      ],
    },
    {
      id: 'privacy',
      title: 'Privacy in the record',
      blocks: [
        {
          type: 'text',
          id: 'rights',
          markdown: `The record holds some of the most private things about a person. Service users therefore have rights we must know:

- **Right of access:** the person may read their record and learn who has opened it.
- **Right to correction:** information that is wrong must be corrected.
- **Need to know:** only those who provide care may read – and only what they need.

In practice you turn the screen away from others, don't read the record aloud where others can hear, and don't take printouts home. Relatives have no automatic right to information; check in the record what the person has consented to, and ask the nurse when in doubt.`,
        },
        {
          type: 'quiz',
          id: 'final',
          title: 'Final quiz',
          passMark: 75,
          questions: [
            {
              id: 'same-name',
              prompt: 'There are two service users with the same name in the system. How do you make sure you write in the right record?',
              multiple: false,
              options: [
                { id: 'first', text: 'Choose the first one in the list', correct: false },
                { id: 'two-ids', text: 'Check at least two identifiers, such as name and date of birth', correct: true },
                { id: 'ask-colleague', text: 'Ask a colleague which one it probably is', correct: false, feedback: 'Check identifiers in the system, not memory.' },
              ],
            },
            {
              id: 'what-document',
              prompt: 'What should be documented after a visit? Choose all that apply.',
              multiple: true,
              options: [
                { id: 'change', text: 'That the person has swollen ankles, which is new', correct: true },
                { id: 'not-done', text: 'That the shower was not done because the person did not want it', correct: true },
                { id: 'message', text: 'That you told the nurse', correct: true },
                { id: 'gossip', text: 'What the neighbour said about the person\'s son', correct: false, feedback: 'Write only what is relevant and necessary for the care.' },
              ],
            },
            {
              id: 'wrong-note',
              prompt: 'You discover that yesterday you wrote a note in the wrong record. What do you do?',
              multiple: false,
              options: [
                { id: 'delete', text: 'Delete the note so nobody sees it', correct: false, feedback: 'Record notes are not deleted; they are corrected, so it is clear what happened.' },
                { id: 'correct', text: 'Correct it with the system\'s correction feature, write the note in the right record and tell your leader', correct: true, feedback: 'Right. It may also be a deviation to report.' },
              ],
            },
            {
              id: 'handover',
              prompt: 'How do you pass an important change on to the next shift?',
              multiple: false,
              options: [
                { id: 'written', text: 'In writing in the record, flagged as important, and preferably spoken too', correct: true },
                { id: 'sms', text: 'By text message to whoever has the next shift', correct: false, feedback: 'Text messages are not a safe channel for health information, and the message is not documented.' },
                { id: 'paper', text: 'On a note in the staff room', correct: false },
              ],
            },
          ],
        },
      ],
    },
  ],
};
