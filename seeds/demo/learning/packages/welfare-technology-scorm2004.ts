import { escapeXml, scoFiles, sharedScoFiles, type ScoContent } from './sco-content.js';
import { zipFiles } from './seed-zip.js';

// "Welfare technology basics": a SCORM 2004 4th edition package with two SCOs
// in simple sequencing (flow and choice). Each SCO has pages and a short quiz
// and sets completion, success and score; passing the first asks the
// sequencer to continue to the second. Written for the demo.

export const WELFARE_TECH_IDENTIFIER = 'no.mestring.demo.welfare-technology';
export const WELFARE_TECH_TITLE = { nb: 'Grunnleggende om velferdsteknologi', en: 'Welfare technology basics' } as const;

export const welfareModule1: ScoContent = {
  scormVersion: '2004',
  continueWhenDone: true,
  title: { nb: 'Modul 1: Hva er velferdsteknologi?', en: 'Module 1: What is welfare technology?' },
  pages: [
    {
      title: { nb: 'Teknologi som gir trygghet og selvstendighet', en: 'Technology for safety and independence' },
      html: {
        nb: `<p>Velferdsteknologi er teknologi som hjelper folk å klare seg selv og føle seg trygge i hverdagen, også med sykdom eller nedsatt funksjon. For tjenesten betyr det at vi kan være til stede når det trengs, og slippe besøk som bare er for å sjekke.</p>
<h2>Noen vanlige løsninger</h2>
<ul><li><strong>Trygghetsalarm</strong> – brukeren trykker på en knapp og får kontakt med alarmmottaket.</li><li><strong>Sensorer</strong> – for eksempel dørsensor, fallsensor eller sengesensor som varsler automatisk.</li><li><strong>Lokaliseringsteknologi (GPS)</strong> – for personer som kan gå seg bort.</li><li><strong>Digitalt tilsyn</strong> – tilsyn om natten via sensor eller kamera i stedet for å gå inn i rommet.</li><li><strong>Digital medisindispenser</strong> og <strong>digital hjemmeoppfølging</strong> med målinger og videosamtaler.</li></ul>`,
        en: `<p>Welfare technology helps people manage on their own and feel safe in everyday life, also with illness or reduced function. For the service it means being there when needed, and fewer visits that are only to check.</p>
<h2>Some common solutions</h2>
<ul><li><strong>Safety alarm</strong> – the user presses a button and reaches the alarm centre.</li><li><strong>Sensors</strong> – for example door, fall or bed sensors that alert automatically.</li><li><strong>Location technology (GPS)</strong> – for people who may get lost.</li><li><strong>Digital supervision</strong> – night-time checks by sensor or camera instead of entering the room.</li><li><strong>Digital medicine dispensers</strong> and <strong>remote follow-up</strong> with measurements and video calls.</li></ul>`,
      },
    },
    {
      title: { nb: 'Behovet kommer først', en: 'The need comes first' },
      html: {
        nb: `<p>Vi starter ikke med teknologien, men med brukeren: Hva er viktig for deg? Hva er du redd for? Hva vil du klare selv?</p>
<ul><li>Kartlegg behovet sammen med brukeren og gjerne pårørende.</li><li>Brukeren skal samtykke. Kan brukeren ikke samtykke, gjelder egne regler, og vurderingen skal dokumenteres.</li><li>Velg den løsningen som er minst inngripende og som faktisk løser behovet.</li><li>Avtal hvem som svarer på varslene, og hva som skjer når de kommer.</li></ul>`,
        en: `<p>We don't start with the technology but with the person: What matters to you? What worries you? What do you want to manage yourself?</p>
<ul><li>Map the need together with the user and, where suitable, relatives.</li><li>The user must consent. If they cannot, special rules apply, and the assessment must be documented.</li><li>Choose the least intrusive solution that actually meets the need.</li><li>Agree who answers the alerts, and what happens when they come.</li></ul>`,
      },
    },
  ],
  quiz: {
    passMark: 50,
    questions: [
      {
        id: 'start',
        multiple: false,
        prompt: { nb: 'Hvor starter vi når vi vurderer velferdsteknologi for en bruker?', en: 'Where do we start when considering welfare technology for a user?' },
        options: [
          { id: 'need', text: { nb: 'Med brukerens behov og ønsker', en: 'With the user\'s needs and wishes' }, correct: true },
          { id: 'catalogue', text: { nb: 'Med det kommunen har på lager', en: 'With what the municipality has in stock' }, correct: false },
        ],
        explanation: { nb: 'Teknologien er et middel. Behovet og brukerens egne mål avgjør.', en: 'Technology is a means. The need and the user\'s own goals decide.' },
      },
      {
        id: 'examples',
        multiple: true,
        prompt: { nb: 'Hvilke av disse er velferdsteknologi? Velg alle som passer.', en: 'Which of these are welfare technology? Choose all that apply.' },
        options: [
          { id: 'alarm', text: { nb: 'Trygghetsalarm', en: 'Safety alarm' }, correct: true },
          { id: 'sensor', text: { nb: 'Dørsensor som varsler', en: 'Door sensor that alerts' }, correct: true },
          { id: 'payroll', text: { nb: 'Lønnssystemet til kommunen', en: 'The municipality\'s payroll system' }, correct: false },
        ],
        explanation: { nb: 'Velferdsteknologi hjelper brukeren i hverdagen, ikke kommunens administrasjon.', en: 'Welfare technology helps the user in everyday life, not the municipality\'s administration.' },
      },
    ],
  },
};

export const welfareModule2: ScoContent = {
  scormVersion: '2004',
  title: { nb: 'Modul 2: Når varselet kommer', en: 'Module 2: When the alert comes' },
  pages: [
    {
      title: { nb: 'Hvert varsel er en person', en: 'Every alert is a person' },
      html: {
        nb: `<p>Et varsel fra en alarm eller sensor betyr at noen kan trenge hjelp. Følg den lokale prosedyren:</p>
<ol><li>Kvitter for varselet, så andre ser at du har tatt det.</li><li>Ta kontakt – via toveis tale, telefon eller kamera der det er avtalt.</li><li>Rykk ut når du ikke får kontakt eller når brukeren trenger hjelp.</li><li>Dokumenter hva som skjedde og hva du gjorde.</li></ol>
<p class="tip">Mange falske alarmer er også et signal: kanskje sensoren står feil, eller behovet har endret seg. Si fra, så løsningen kan justeres.</p>`,
        en: `<p>An alert from an alarm or sensor means someone may need help. Follow the local procedure:</p>
<ol><li>Acknowledge the alert, so others see you have taken it.</li><li>Make contact – by two-way speech, phone or camera where agreed.</li><li>Go out when you cannot make contact or the user needs help.</li><li>Document what happened and what you did.</li></ol>
<p class="tip">Many false alarms are a signal too: perhaps the sensor is badly placed, or the need has changed. Say so, so the solution can be adjusted.</p>`,
      },
    },
    {
      title: { nb: 'Utstyret må virke', en: 'The equipment must work' },
      html: {
        nb: `<p>En alarm som ikke virker, er verre enn ingen alarm, fordi alle tror at den gjør det.</p>
<ul><li>Test alarmen slik prosedyren sier, for eksempel ved oppstart og jevnlig etterpå.</li><li>Sjekk batteri og lading på utstyr brukeren bærer.</li><li>Sørg for at brukeren og pårørende vet hvordan det brukes.</li><li>Meld feil og avvik – også når det gikk bra.</li></ul>`,
        en: `<p>An alarm that does not work is worse than no alarm, because everyone believes it does.</p>
<ul><li>Test the alarm as the procedure says, for example at start-up and regularly after.</li><li>Check battery and charging on equipment the user wears.</li><li>Make sure the user and relatives know how to use it.</li><li>Report faults and deviations – also when things turned out well.</li></ul>`,
      },
    },
  ],
  quiz: {
    passMark: 60,
    questions: [
      {
        id: 'no-contact',
        multiple: false,
        prompt: { nb: 'En fallsensor varsler, og du får ikke kontakt med brukeren. Hva gjør du?', en: 'A fall sensor alerts and you cannot reach the user. What do you do?' },
        options: [
          { id: 'go', text: { nb: 'Rykker ut til brukeren', en: 'Go out to the user' }, correct: true },
          { id: 'reset', text: { nb: 'Nullstiller varselet og venter på neste', en: 'Reset the alert and wait for the next' }, correct: false },
        ],
        explanation: { nb: 'Når du ikke får kontakt, må noen se til brukeren.', en: 'When you cannot make contact, someone must check on the user.' },
      },
      {
        id: 'false-alarms',
        multiple: false,
        prompt: { nb: 'En sensor gir mange falske alarmer. Hva er riktig?', en: 'A sensor gives many false alarms. What is right?' },
        options: [
          { id: 'report', text: { nb: 'Si fra, så plassering eller innstillinger kan vurderes', en: 'Report it, so placement or settings can be reviewed' }, correct: true },
          { id: 'ignore', text: { nb: 'Slutte å rykke ut på den sensoren', en: 'Stop responding to that sensor' }, correct: false },
          { id: 'unplug', text: { nb: 'Trekke ut kontakten', en: 'Unplug it' }, correct: false },
        ],
        explanation: { nb: 'Falske alarmer tyder på at noe bør justeres, men hvert varsel må fortsatt tas på alvor.', en: 'False alarms suggest something should be adjusted, but every alert must still be taken seriously.' },
      },
      {
        id: 'check',
        multiple: true,
        prompt: { nb: 'Hva hører med til å holde utstyret i orden? Velg alle som passer.', en: 'What belongs to keeping the equipment working? Choose all that apply.' },
        options: [
          { id: 'test', text: { nb: 'Teste alarmen jevnlig', en: 'Test the alarm regularly' }, correct: true },
          { id: 'battery', text: { nb: 'Sjekke batteri og lading', en: 'Check battery and charging' }, correct: true },
          { id: 'teach', text: { nb: 'Vise brukeren og pårørende hvordan det brukes', en: 'Show the user and relatives how to use it' }, correct: true },
        ],
        explanation: { nb: 'Alt dette skal til for at brukeren kan stole på løsningen.', en: 'All of it is needed for the user to rely on the solution.' },
      },
    ],
  },
};

export function welfareTechnologyManifest(): string {
  const item = (n: 1 | 2, title: string) => `
      <item identifier="module${n}" identifierref="module${n}-sco">
        <title>${escapeXml(title)}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>`;
  const resource = (n: 1 | 2) => `
    <resource identifier="module${n}-sco" type="webcontent" adlcp:scormType="sco" href="module${n}.html">
      <file href="module${n}.html"/><file href="module${n}.js"/><file href="sco.js"/><file href="sco-ui.js"/><file href="sco.css"/>
    </resource>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${WELFARE_TECH_IDENTIFIER}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="welfare-technology">
    <organization identifier="welfare-technology">
      <title>${escapeXml(WELFARE_TECH_TITLE.en)}</title>${item(1, welfareModule1.title.en)}${item(2, welfareModule2.title.en)}
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>${resource(1)}${resource(2)}
  </resources>
</manifest>
`;
}

export function welfareTechnologyZip(): Buffer {
  return zipFiles([
    { name: 'imsmanifest.xml', data: welfareTechnologyManifest() },
    ...scoFiles('module1', welfareModule1),
    ...scoFiles('module2', welfareModule2),
    ...sharedScoFiles(),
  ]);
}
