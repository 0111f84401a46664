import type { CourseContent } from '../../../../src/shared/api/learning-content.js';

// Using a digital medicine dispenser in home care (English). Written for the demo.

export const medicineDispenserEn: CourseContent = {
  title: 'Using a digital medicine dispenser',
  description:
    'For home-care staff: what a digital medicine dispenser is, how it is filled, what its alerts mean, how to follow up a missed dose, what to document and when to pass it on. About 25 minutes.',
  lessons: [
    {
      id: 'what-is-it',
      title: 'What is a digital medicine dispenser?',
      blocks: [
        {
          type: 'text',
          id: 'device',
          markdown: `A digital medicine dispenser is a locked box in the service user's home. It holds several days of medicines, often as multi-dose pouches from the pharmacy, and releases the right dose at the right time.

When a dose is due, the dispenser alerts with sound, light and often speech. The user presses a button and takes the dose. **If the dose is not taken in time, home care gets an alert.** The dose is then locked inside, so it cannot be taken twice later.

### Why do we use it?

- Users can take their medicines themselves, on time, without waiting for a visit.
- Fewer visits only to hand out medicine, and more time for what needs a person.
- Safer: wrong doses and double doses become rarer.

A dispenser does not suit everyone. The user must be able to notice the alert, press the button and take the medicine. This is assessed and set out in the decision on services, and must be assessed again when the person's health changes.`,
        },
      ],
    },
    {
      id: 'filling',
      title: 'Filling and setting up',
      blocks: [
        {
          type: 'text',
          id: 'steps',
          markdown: `Fill the dispenser as the local procedure describes. Usually you:

1. **Check the medicine list** in the record. It is the reference. If it has changed since last time, the new pouches must match the change.
2. **Check the pouches:** the user's name, date and time on each pouch, and that the strip is whole. If anything is missing or looks wrong, it does not go in – contact the nurse.
3. **Load the roll** as the supplier describes, and check that the first dose is ready for the right time.
4. **Check the dose times** in the dispenser against the medicine list.
5. **Check power and network:** the dispenser must be plugged in and have coverage to send alerts.
6. **Document the refill** in the record.

Never put loose tablets in the dispenser, and never change the dosage yourself. Changes to medication are made by a doctor and followed up by a nurse.`,
        },
      ],
    },
    {
      id: 'alerts',
      title: 'Alerts and missed doses',
      blocks: [
        {
          type: 'text',
          id: 'kinds',
          markdown: `The dispenser sends different alerts. They arrive in an app on the work phone or at the alarm centre, depending on how your municipality is organised.

| Alert | What it means |
| --- | --- |
| Missed dose | The user did not take the dose in time. The dose is locked in. |
| Low on medicine | The roll will soon be empty and must be refilled. |
| Low battery / power cut | The dispenser is running on battery and may stop working. |
| No connection | The dispenser cannot send alerts. |
| Technical fault | For example a pouch that is stuck. |

**A missed-dose alert is about a person, not a machine.** The user may have forgotten, be asleep or out – or may have fallen or be ill. That is why every missed-dose alert is followed up.`,
        },
      ],
    },
    {
      id: 'follow-up',
      title: 'Following up an alert',
      blocks: [
        {
          type: 'text',
          id: 'procedure',
          markdown: `Always follow the local procedure. It usually builds on these steps:

1. **Acknowledge the alert**, so colleagues see someone has taken it.
2. **Contact the user**, for example by phone. If the user answers and is well, the dose can often be released from the dispenser right away, if that has been agreed for that medicine.
3. **If you cannot reach the user, go to their home.** No answer may mean something has happened.
4. **Judge the dose.** Whether a late dose may be taken, how late, and what applies to time-critical medicines (for example in Parkinson's disease, diabetes or epilepsy) is written in the user's plan. If you are unsure, ask the nurse.
5. **Never give two doses together** to "catch up" on a missed one.

Technical alerts (power, network, empty roll) are also followed up the same day: a dispenser without power or network cannot alert next time.`,
        },
      ],
    },
    {
      id: 'document-escalate',
      title: 'Documenting and when to pass it on',
      blocks: [
        {
          type: 'text',
          id: 'document',
          markdown: `### Document

Write in the record during the same shift: which alert, what you did, what the user said and what happened with the dose. Document refills and technical faults too. That gives the next shift and the nurse a true picture.

### Tell the nurse or doctor when

- the user has missed several doses in a short time
- the user seems confused, ill or different from usual
- a time-critical dose has been missed
- pouches are wrong or do not match the medicine list

### Tell your leader or the supplier when

- the dispenser has a fault you cannot fix on the spot
- alerts are not getting through

A wrong medicine, a missed dose that had consequences, or an equipment fault is also **reported as a deviation**. Repeated missed doses may mean the dispenser is no longer the right help – that must be assessed again.`,
        },
        {
          type: 'quiz',
          id: 'final',
          title: 'Final quiz',
          passMark: 75,
          questions: [
            {
              id: 'missed-no-answer',
              prompt: 'You get a missed-dose alert for the morning dose. The user does not answer the phone. What do you do?',
              multiple: false,
              options: [
                { id: 'wait', text: 'Wait until the next planned visit', correct: false, feedback: 'No answer may mean the user has fallen or is ill.' },
                { id: 'visit', text: 'Go to the user\'s home as soon as possible', correct: true, feedback: 'Right. You can also see how the user is.' },
                { id: 'dismiss', text: 'Acknowledge the alert; the dose is locked in anyway', correct: false },
              ],
            },
            {
              id: 'double',
              prompt: 'The user forgot the evening dose and asks to take it with the morning dose. What is right?',
              multiple: false,
              options: [
                { id: 'ok', text: 'That is fine, then the user gets everything', correct: false, feedback: 'A double dose can be dangerous.' },
                { id: 'no-ask', text: 'Do not give two doses together; ask the nurse what applies', correct: true },
              ],
            },
            {
              id: 'before-filling',
              prompt: 'What do you check before loading a new roll? Choose all that apply.',
              multiple: true,
              options: [
                { id: 'name', text: 'The name on the pouches', correct: true },
                { id: 'times', text: 'The date and time on the pouches', correct: true },
                { id: 'list', text: 'That the pouches match the medicine list', correct: true },
                { id: 'colour', text: 'That the tablets have the same colour as last time', correct: false, feedback: 'Appearance can change when the pharmacy switches brand. Check against the medicine list, not the colour.' },
              ],
            },
            {
              id: 'escalate',
              prompt: 'When do you tell the nurse? Choose all that apply.',
              multiple: true,
              options: [
                { id: 'repeat', text: 'The user has missed three doses this week', correct: true },
                { id: 'confused', text: 'The user seems more confused than usual', correct: true },
                { id: 'mismatch', text: 'A pouch does not match the medicine list', correct: true },
                { id: 'refill', text: 'The dispenser is due for its planned refill on Friday', correct: false, feedback: 'A planned refill is an everyday task. Document it.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
