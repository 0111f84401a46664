import { escapeXml, scoFiles, sharedScoFiles, type ScoContent } from './sco-content.js';
import { zipFiles } from './seed-zip.js';

// "Hand hygiene and infection control": a SCORM 1.2 package with one SCO, a
// few pages and a quiz that sets cmi.core.lesson_status passed/failed and the
// score (mastery at 80). Written for the demo.

export const HAND_HYGIENE_IDENTIFIER = 'no.mestring.demo.hand-hygiene';
export const HAND_HYGIENE_TITLE = { nb: 'Håndhygiene og smittevern', en: 'Hand hygiene and infection control' } as const;

export const handHygieneContent: ScoContent = {
  scormVersion: '1.2',
  title: HAND_HYGIENE_TITLE,
  pages: [
    {
      title: { nb: 'Hendene dine er det viktigste smittevernet', en: 'Your hands are the most important infection control' },
      html: {
        nb: `<p>De fleste smittestoffer som sprer seg i helse- og omsorgstjenesten, går fra person til person via hendene våre. God håndhygiene beskytter brukerne, deg selv og kollegene dine – og den koster bare noen sekunder.</p>
<p>Grunnlaget er <strong>basale smittevernrutiner</strong>, som gjelder for alle brukere hele tiden, ikke bare når noen har en kjent smitte.</p>
<h2>Klar for jobb</h2>
<ul><li>Korte ermer eller ermer brettet opp</li><li>Ingen ringer, armbånd eller armbåndsur</li><li>Korte, rene negler uten neglelakk eller kunstige negler</li><li>Sår på hendene dekkes til</li></ul>`,
        en: `<p>Most germs that spread in health and care services travel from person to person on our hands. Good hand hygiene protects service users, yourself and your colleagues – and it takes only seconds.</p>
<p>The foundation is <strong>standard precautions</strong>, which apply to every service user all the time, not only when an infection is known.</p>
<h2>Ready for work</h2>
<ul><li>Short sleeves, or sleeves rolled up</li><li>No rings, bracelets or wristwatch</li><li>Short, clean nails without nail polish or artificial nails</li><li>Cover any cuts on your hands</li></ul>`,
      },
    },
    {
      title: { nb: 'Når skal du rengjøre hendene?', en: 'When should you clean your hands?' },
      html: {
        nb: `<p>Tenk på de fem situasjonene der hånddesinfeksjon gjør størst forskjell:</p>
<ol><li><strong>Før</strong> du berører en bruker</li><li><strong>Før</strong> rene eller sterile oppgaver, som sårstell, kateter eller å gi øyedråper</li><li><strong>Etter</strong> at du kan ha vært i kontakt med kroppsvæsker</li><li><strong>Etter</strong> at du har berørt en bruker</li><li><strong>Etter</strong> at du har berørt omgivelsene rundt brukeren, som sengen, rullatoren eller nattbordet</li></ol>
<p class="tip">Rengjør også hendene når du kommer til og går fra et hjem i hjemmetjenesten, og før du håndterer mat og medisiner.</p>`,
        en: `<p>Think of the five moments when hand hygiene makes the most difference:</p>
<ol><li><strong>Before</strong> touching a service user</li><li><strong>Before</strong> a clean or aseptic task, such as wound care, a catheter or giving eye drops</li><li><strong>After</strong> possible contact with body fluids</li><li><strong>After</strong> touching a service user</li><li><strong>After</strong> touching the user's surroundings, such as the bed, the walker or the bedside table</li></ol>
<p class="tip">Also clean your hands when you arrive at and leave a home in home care, and before handling food and medicines.</p>`,
      },
    },
    {
      title: { nb: 'Sprit eller såpe og vann?', en: 'Hand rub or soap and water?' },
      html: {
        nb: `<p><strong>Hånddesinfeksjon med sprit</strong> er førstevalget: den virker raskt og er skånsom mot huden. Bruk nok til å fukte hele hendene, og gni i 20–30 sekunder til hendene er tørre – håndflater, håndrygger, mellom fingrene, tomlene og fingertuppene.</p>
<p><strong>Vask med såpe og vann</strong> når</p>
<ul><li>hendene er synlig skitne eller har vært i kontakt med kroppsvæsker</li><li>brukeren har oppkast eller diaré, for eksempel ved norovirus eller <em>Clostridioides difficile</em>, der sprit virker dårlig</li></ul>
<p>Tørk godt med papirhåndkle. Bruk håndkrem etter vakt: hel hud er lettere å holde ren.</p>`,
        en: `<p><strong>Alcohol hand rub</strong> is the first choice: it works fast and is kind to the skin. Use enough to wet your whole hands and rub for 20–30 seconds until dry – palms, backs, between the fingers, thumbs and fingertips.</p>
<p><strong>Wash with soap and water</strong> when</p>
<ul><li>your hands are visibly dirty or have touched body fluids</li><li>the user has vomiting or diarrhoea, for example with norovirus or <em>Clostridioides difficile</em>, where alcohol works poorly</li></ul>
<p>Dry well with a paper towel. Use hand cream after your shift: intact skin is easier to keep clean.</p>`,
      },
    },
    {
      title: { nb: 'Hansker er ikke ren hånd', en: 'Gloves are not clean hands' },
      html: {
        nb: `<p>Engangshansker bruker du når du kan komme i kontakt med kroppsvæsker, slimhinner eller skadet hud. Men hansker erstatter ikke håndhygiene.</p>
<ul><li>Rengjør hendene <strong>før</strong> du tar på hansker, og <strong>etter</strong> at du har tatt dem av.</li><li>Bytt hansker mellom oppgaver hos samme bruker, fra urent til rent.</li><li>Ikke gå rundt med hansker på, og ikke ta på telefon, dørhåndtak eller journal med brukte hansker.</li></ul>`,
        en: `<p>Use disposable gloves when you may touch body fluids, mucous membranes or broken skin. But gloves do not replace hand hygiene.</p>
<ul><li>Clean your hands <strong>before</strong> putting gloves on and <strong>after</strong> taking them off.</li><li>Change gloves between tasks for the same user, going from dirty to clean.</li><li>Don't walk around wearing gloves, and don't touch phones, door handles or the record with used gloves.</li></ul>`,
      },
    },
  ],
  quiz: {
    passMark: 80,
    questions: [
      {
        id: 'first-choice',
        multiple: false,
        prompt: { nb: 'Hva er førstevalget for håndhygiene når hendene ikke er synlig skitne?', en: 'What is the first choice for hand hygiene when hands are not visibly dirty?' },
        options: [
          { id: 'rub', text: { nb: 'Hånddesinfeksjon med sprit', en: 'Alcohol hand rub' }, correct: true },
          { id: 'soap', text: { nb: 'Såpe og vann', en: 'Soap and water' }, correct: false },
          { id: 'gloves', text: { nb: 'Engangshansker', en: 'Disposable gloves' }, correct: false },
        ],
        explanation: { nb: 'Sprit virker raskt og er skånsomt mot huden. Såpe og vann brukes når hendene er skitne eller ved oppkast og diaré.', en: 'Alcohol works fast and is kind to the skin. Soap and water is for dirty hands or vomiting and diarrhoea.' },
      },
      {
        id: 'moments',
        multiple: true,
        prompt: { nb: 'Når skal du rengjøre hendene? Velg alle som passer.', en: 'When should you clean your hands? Choose all that apply.' },
        options: [
          { id: 'before-user', text: { nb: 'Før du berører en bruker', en: 'Before touching a service user' }, correct: true },
          { id: 'after-bed', text: { nb: 'Etter at du har redd opp sengen til brukeren', en: 'After making the user\'s bed' }, correct: true },
          { id: 'before-wound', text: { nb: 'Før sårstell', en: 'Before wound care' }, correct: true },
          { id: 'only-infection', text: { nb: 'Bare når brukeren har en kjent smitte', en: 'Only when the user has a known infection' }, correct: false },
        ],
        explanation: { nb: 'Basale smittevernrutiner gjelder alle brukere, hele tiden.', en: 'Standard precautions apply to every user, all the time.' },
      },
      {
        id: 'diarrhoea',
        multiple: false,
        prompt: { nb: 'En bruker har diaré og mulig norovirus. Hvordan rengjør du hendene etter stell?', en: 'A user has diarrhoea and possible norovirus. How do you clean your hands after care?' },
        options: [
          { id: 'soap', text: { nb: 'Vasker med såpe og vann', en: 'Wash with soap and water' }, correct: true },
          { id: 'rub', text: { nb: 'Bruker bare sprit', en: 'Use hand rub only' }, correct: false },
          { id: 'none', text: { nb: 'Ingenting, jeg brukte hansker', en: 'Nothing, I wore gloves' }, correct: false },
        ],
        explanation: { nb: 'Sprit virker dårlig mot norovirus, og hansker erstatter ikke håndhygiene.', en: 'Alcohol works poorly against norovirus, and gloves do not replace hand hygiene.' },
      },
      {
        id: 'ready',
        multiple: true,
        prompt: { nb: 'Hva hører med til å være klar for jobb? Velg alle som passer.', en: 'What belongs to being ready for work? Choose all that apply.' },
        options: [
          { id: 'no-rings', text: { nb: 'Ingen ringer eller armbåndsur', en: 'No rings or wristwatch' }, correct: true },
          { id: 'short-nails', text: { nb: 'Korte negler uten neglelakk', en: 'Short nails without polish' }, correct: true },
          { id: 'long-sleeves', text: { nb: 'Lange ermer som beskytter armene', en: 'Long sleeves to protect the arms' }, correct: false },
        ],
        explanation: { nb: 'Korte ermer, ingen smykker og korte negler gjør det mulig å rengjøre hender og håndledd skikkelig.', en: 'Short sleeves, no jewellery and short nails let you clean hands and wrists properly.' },
      },
      {
        id: 'gloves',
        multiple: false,
        prompt: { nb: 'Du har tatt av deg hanskene etter stell. Hva gjør du så?', en: 'You have taken off your gloves after care. What next?' },
        options: [
          { id: 'rub', text: { nb: 'Desinfiserer hendene', en: 'Clean my hands with hand rub' }, correct: true },
          { id: 'nothing', text: { nb: 'Ingenting, hendene var beskyttet', en: 'Nothing, my hands were protected' }, correct: false },
        ],
        explanation: { nb: 'Hansker kan ha små hull, og hendene forurenses lett når hanskene tas av.', en: 'Gloves can have tiny holes, and hands are easily contaminated when gloves come off.' },
      },
    ],
  },
};

export function handHygieneManifest(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${HAND_HYGIENE_IDENTIFIER}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="hand-hygiene">
    <organization identifier="hand-hygiene">
      <title>${escapeXml(HAND_HYGIENE_TITLE.en)}</title>
      <item identifier="lesson" identifierref="lesson-sco">
        <title>${escapeXml(HAND_HYGIENE_TITLE.en)}</title>
        <adlcp:masteryscore>${handHygieneContent.quiz.passMark}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="lesson-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/><file href="index.js"/><file href="sco.js"/><file href="sco-ui.js"/><file href="sco.css"/>
    </resource>
  </resources>
</manifest>
`;
}

export function handHygieneZip(): Buffer {
  return zipFiles([{ name: 'imsmanifest.xml', data: handHygieneManifest() }, ...scoFiles('index', handHygieneContent), ...sharedScoFiles()]);
}
