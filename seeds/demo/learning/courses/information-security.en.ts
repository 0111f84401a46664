import type { CourseContent } from '../../../../src/shared/api/learning-content.js';

// Information security and confidentiality in care (English). Written for the
// demo; lesson, block, question and option ids match the other languages.

export const informationSecurityEn: CourseContent = {
  title: 'Information security and confidentiality in care',
  description:
    'A short, practical course on protecting what you know about the people you care for: the duty of confidentiality, need to know, passwords and two-factor sign-in, phishing, shared devices and reporting deviations. About 30 minutes.',
  lessons: [
    {
      id: 'confidentiality',
      title: 'Confidentiality always applies',
      blocks: [
        {
          type: 'text',
          id: 'intro',
          markdown: `Working in health and care, you learn a great deal about other people's lives: diagnoses, medicines, family matters, money and how things really are at home. People tell us because they trust it stays with us.

**The duty of confidentiality means you must keep others from learning such information.** It covers everything you learn at work about a person's health and personal circumstances – not only what is written in the record.

Remember that the duty

- applies to everyone who does not need the information to provide care: your own family, friends, neighbours, and colleagues who are not responsible for the person
- still applies after you leave the job
- applies on social media, at lunch and on the bus home
- can be broken by accident too, for instance by talking on the phone in a waiting room`,
        },
        {
          type: 'text',
          id: 'when-share',
          markdown: `### When may information be shared?

You may share information with colleagues who need it to give the person safe and proper care, and with others when the person has consented or the law requires it. If you are unsure, ask your leader or the nurse in charge before you share. Asking is always allowed – guessing is not.`,
        },
      ],
    },
    {
      id: 'need-to-know',
      title: 'Only what you need – the need-to-know rule',
      blocks: [
        {
          type: 'text',
          id: 'principle',
          markdown: `You have access to the care systems to do your job. That does not mean you may look up anyone you like.

**Need to know:** only read about people you actually provide care for, and only what you need for the task in front of you.

It is *not* a need to know to

- check how a neighbour or relative is doing
- read about a well-known person who has moved into the nursing home
- see what a colleague has been treated for
- "just have a look" out of curiosity

### Everything is logged

The systems log who opened which record and when. The logs are checked, and the person has the right to know who has looked at their record. Snooping is a serious breach of confidentiality and can cost you your job and your authorisation.`,
        },
      ],
    },
    {
      id: 'passwords',
      title: 'Passwords and two-factor sign-in',
      blocks: [
        {
          type: 'text',
          id: 'passphrase',
          markdown: `Your user name and password are your key to the care systems. Everything done with your sign-in is logged as you.

**Good habits:**

1. Use a long passphrase of several words: *"Coffee-tastes-best-on-night-shift"* is easier to remember and harder to crack than *"Summer2024!"*.
2. Use different passwords at work and at home.
3. Never share your password – not even with a colleague who "just needs to write a note".
4. Don't write it on a sticky note by the PC or on the back of the tablet.

### Two-factor sign-in

Many systems ask for a second confirmation: a code by SMS, an app or a card. A stolen password alone is then not enough.

- Only approve sign-ins **you** started.
- If you get a request you did not expect, deny it and tell IT.
- Nobody from IT or the supplier will ask you to read out a code over the phone.`,
        },
      ],
    },
    {
      id: 'phishing',
      title: 'Recognise phishing',
      blocks: [
        {
          type: 'text',
          id: 'signs',
          markdown: `Phishing is e-mail, text messages or phone calls that try to trick you into giving away passwords, codes or information, or into opening a harmful attachment.

**Typical signs:**

- It is urgent: "Your account will be closed today", "Reply within one hour".
- The sender looks right but is not quite (for example *municipality-no.com*).
- You are asked to sign in through a link or give a code.
- Unexpected attachments, invoices or parcel tracking.
- Someone claims to be your manager or IT and asks you to skip the usual routine.

### What do you do?

Don't click and don't reply. Report the message to IT the way your municipality has decided (often with a button in the mail program). **If you already clicked or typed your password, say so at once.** The sooner IT knows, the less harm is done. Nobody gets told off for reporting.`,
        },
        {
          type: 'quiz',
          id: 'phishing-check',
          title: 'Check yourself',
          passMark: 50,
          questions: [
            {
              id: 'urgent-mail',
              prompt: 'An e-mail from "IT support" says your password expires today and gives a link to sign in. What do you do?',
              multiple: false,
              options: [
                { id: 'click', text: 'Click and sign in so I am not locked out', correct: false, feedback: 'This is a classic trick. The link may lead to a fake sign-in page.' },
                { id: 'report', text: 'Do not click, and report the e-mail to IT', correct: true, feedback: 'Right. IT can warn others and block similar messages.' },
                { id: 'forward', text: 'Forward it to colleagues so they can change their passwords too', correct: false, feedback: 'That spreads the attack.' },
              ],
            },
            {
              id: 'signs',
              prompt: 'Which signs point to phishing? Choose all that apply.',
              multiple: true,
              options: [
                { id: 'hurry', text: 'It is urgent and threatens consequences', correct: true },
                { id: 'odd-sender', text: 'The sender address is almost, but not quite, right', correct: true },
                { id: 'code', text: 'You are asked for a one-time code', correct: true },
                { id: 'known-meeting', text: 'A meeting invitation from your leader for a meeting you agreed on', correct: false, feedback: 'An expected meeting from a known sender is normal, though attachments still deserve care.' },
              ],
              explanation: 'Urgency, odd senders and requests for codes or passwords are the most common warning signs.',
            },
          ],
        },
      ],
    },
    {
      id: 'shared-devices',
      title: 'Shared devices and signing out',
      blocks: [
        {
          type: 'text',
          id: 'devices',
          markdown: `In home care and nursing homes we often share PCs, tablets and phones. It is easy to forget that someone else can carry on where you left off.

- **Lock the screen** when you leave the PC, even for a moment (Windows key + L).
- **Sign out** of the care system and the tablet at the end of your shift or when you hand the device on.
- Use only the municipality's approved apps for patient information. Don't photograph wounds, medicine lists or screens with your own phone, and don't send personal information by text message or chat apps.
- Don't leave printouts with personal information in the car or the break room. Shred what you no longer need.
- If you lose a work phone or tablet, report it at once so IT can lock it.

Keep your voice down about service users in corridors, lifts and public places too. Confidentiality is about more than IT.`,
        },
      ],
    },
    {
      id: 'deviations',
      title: 'Report deviations',
      blocks: [
        {
          type: 'text',
          id: 'report',
          markdown: `A deviation is something that went wrong, or could have gone wrong. In information security it might be

- an e-mail with personal information sent to the wrong person
- a colleague who used your sign-in
- a record opened without a need to know
- a lost work phone
- a click on a link in a phishing e-mail

**Report it in the municipality's deviation system as soon as you can, and tell your leader.** When personal data has gone astray, the municipality must in many cases notify the data protection authority within 72 hours – so the hours count.

Reporting is about learning, not about finding someone to blame. Ten reports too many are better than one too few.`,
        },
        {
          type: 'quiz',
          id: 'final',
          title: 'Final quiz',
          passMark: 80,
          questions: [
            {
              id: 'neighbour',
              prompt: 'Your neighbour has been admitted to the short-term ward where you work, but you are not responsible for her. May you read her record to see how she is?',
              multiple: false,
              options: [
                { id: 'yes', text: 'Yes, I have access to the system', correct: false, feedback: 'Access is not the same as a need to know. The look-up is logged.' },
                { id: 'no', text: 'No, I do not need to know', correct: true, feedback: 'Right. You can ask her yourself how she is when you meet her.' },
                { id: 'if-kind', text: 'Yes, if I only mean well', correct: false, feedback: 'Good intentions do not create a need to know.' },
              ],
            },
            {
              id: 'duty-scope',
              prompt: 'Towards whom does the duty of confidentiality apply? Choose all that apply.',
              multiple: true,
              options: [
                { id: 'family', text: 'Your own family', correct: true },
                { id: 'colleagues', text: 'Colleagues who are not responsible for the person', correct: true },
                { id: 'social', text: 'Friends on social media', correct: true },
                { id: 'care-team', text: 'The nurse who will give the person their medicine on the next shift', correct: false, feedback: 'Information needed to give safe care is shared with those who give it.' },
              ],
            },
            {
              id: 'password-share',
              prompt: 'A temp has no user account yet and asks to borrow your sign-in to write notes. What do you do?',
              multiple: false,
              options: [
                { id: 'lend', text: 'Lend it, it is only for today', correct: false, feedback: 'Everything the temp does is then logged as you, and you break the municipality\'s rules.' },
                { id: 'refuse', text: 'Say no, and help the temp contact the leader to get access', correct: true, feedback: 'Right. Meanwhile the temp can report to you verbally, and you document what you have been told.' },
              ],
            },
            {
              id: 'mfa-prompt',
              prompt: 'Your phone asks you to approve a sign-in, but you are not signing in. What do you do?',
              multiple: false,
              options: [
                { id: 'approve', text: 'Approve it so the message goes away', correct: false, feedback: 'You may let in someone who has your password.' },
                { id: 'deny', text: 'Deny it and tell IT', correct: true, feedback: 'Right. Someone else may know your password; change it too.' },
              ],
            },
            {
              id: 'shared-tablet',
              prompt: 'What do you do with the shared tablet at the end of your shift? Choose all that apply.',
              multiple: true,
              options: [
                { id: 'logout', text: 'Sign out of the care system', correct: true },
                { id: 'charge', text: 'Put it on charge where it belongs', correct: true },
                { id: 'leave', text: 'Leave it signed in so the next shift need not sign in', correct: false, feedback: 'The next shift signs in as themselves.' },
              ],
            },
            {
              id: 'wrong-mail',
              prompt: 'You sent an e-mail with information about a service user to the wrong person. What matters most now?',
              multiple: false,
              options: [
                { id: 'wait', text: 'Wait and see whether anyone reacts', correct: false },
                { id: 'report', text: 'Report a deviation and tell your leader at once', correct: true, feedback: 'Right. The municipality may have to notify the data protection authority within 72 hours.' },
                { id: 'delete', text: 'Delete the e-mail from the Sent folder', correct: false, feedback: 'That does not remove it from the recipient, and hides the deviation.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
