import type { CourseContent } from '../../../../src/shared/api/learning-content.js';

// Kom i gang med journalen (bokmål). Skrevet for demoen, for nyansatte i
// kommunal helse og omsorg; gjelder uansett hvilket journalsystem kommunen har.

export const patientRecordNb: CourseContent = {
  title: 'Kom i gang med pasientjournalen',
  description:
    'For deg som er ny: logge inn, finne riktig pasient, lese planer og tiltak, dokumentere besøk, gi rapport og ta vare på personvernet i journalen. Tar omtrent 30 minutter.',
  lessons: [
    {
      id: 'sign-in',
      title: 'Logg inn – med din egen bruker',
      blocks: [
        {
          type: 'text',
          id: 'own-user',
          markdown: `Journalen er der vi skriver ned hjelpen brukerne får. Den er et arbeidsverktøy, en juridisk dokumentasjon og brukerens egen historie. Derfor skal vi alltid vite hvem som har skrevet hva.

- **Logg inn med din egen bruker**, på PC med kort eller kode og på nettbrett med tofaktor, slik kommunen har bestemt.
- Har du ikke fått tilgang ennå, si fra til leder. Bruk aldri en kollegas innlogging, og lån ikke bort din egen.
- **Lås eller logg ut** når du går fra skjermen. På delte nettbrett logger du ut når vakten er slutt.

Første gang du logger inn, er det lurt å bruke fem minutter på å se deg rundt: Hvor er arbeidslisten? Hvor finner du rapporten fra forrige vakt? Hvor skriver du et nytt notat?`,
        },
      ],
    },
    {
      id: 'find-patient',
      title: 'Finn riktig pasient',
      blocks: [
        {
          type: 'text',
          id: 'identify',
          markdown: `Den vanligste feilen i journalen er å skrive om riktig hendelse i feil persons journal. Det kan få alvorlige følger, for eksempel at en medisin blir gitt eller stoppet feil.

**Slik finner du riktig person:**

1. Start gjerne fra **arbeidslisten** din – der ligger brukerne du skal til i dag.
2. Søker du, bruk **navn og fødselsdato** (eller fødselsnummer), ikke bare navn.
3. **Kontroller to kjennetegn** før du leser eller skriver: for eksempel navn og fødselsdato, eller navn og adresse.
4. Se etter advarsler om **like navn** i systemet.

Du skal bare åpne journalen til brukere du gir hjelp til. Alle oppslag blir logget.`,
        },
      ],
    },
    {
      id: 'read-plans',
      title: 'Les planer og tiltak',
      blocks: [
        {
          type: 'text',
          id: 'what-to-read',
          markdown: `Før du går inn til en bruker, bør du vite hva som er planlagt og hva som har skjedd siden sist.

- **Tiltaksplanen** (eller pleieplanen) sier hva brukeren skal ha hjelp til, hvordan og hvor ofte. Den bygger på vedtaket.
- **Rapporten** fra forrige vakt forteller om endringer, observasjoner og beskjeder.
- **Legemiddellisten** viser hvilke medisiner brukeren bruker nå, dose og tidspunkt.
- **Kritisk informasjon**, som alvorlige allergier, står ofte et eget sted øverst i journalen. Sjekk den.

Står det noe du ikke forstår, eller stemmer planen ikke med det du ser hos brukeren, spør en kollega eller sykepleier. Planen skal endres når behovene endres – og det er din observasjon som ofte starter den endringen.`,
        },
      ],
    },
    {
      id: 'document-visit',
      title: 'Dokumenter besøket',
      blocks: [
        {
          type: 'text',
          id: 'how',
          markdown: `Dokumenter det som er **relevant og nødvendig** for hjelpen brukeren får. Du trenger ikke skrive at alt gikk som planlagt for hvert tiltak, men du skal skrive når noe er annerledes.

**Skriv om**

- endringer i helsetilstand, humør, matlyst, søvn eller funksjon
- hva du gjorde, og hva som ikke ble gjort – og hvorfor
- hva brukeren selv sa, gjerne med brukerens egne ord
- beskjeder til andre, og hvem du har kontaktet

**Slik skriver du godt**

- Beskriv det du så og hørte, ikke tolkninger: *«Spiste halv skive, sa hun ikke var sulten»* er bedre enn *«Dårlig matlyst som vanlig»*.
- Skriv samme vakt, mens du husker det.
- Skriv saklig og respektfullt – brukeren kan lese journalen sin.
- Har du skrevet feil, retter du med et nytt notat eller systemets rettefunksjon. Du sletter ikke.`,
        },
        {
          type: 'quiz',
          id: 'note-check',
          title: 'Sjekk deg selv',
          passMark: 50,
          questions: [
            {
              id: 'best-note',
              prompt: 'Hvilket notat er best?',
              multiple: false,
              options: [
                { id: 'vague', text: '«Var litt rar i dag.»', correct: false, feedback: 'Neste vakt vet ikke hva du så.' },
                { id: 'concrete', text: '«Visste ikke hvilken dag det var, noe som er nytt. Gav beskjed til sykepleier kl. 10.»', correct: true, feedback: 'Riktig: konkret observasjon, og hva du gjorde.' },
                { id: 'opinion', text: '«Er nok i ferd med å bli dement.»', correct: false, feedback: 'Dette er en tolkning, ikke en observasjon.' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'report',
      title: 'Rapport og beskjeder',
      blocks: [
        {
          type: 'text',
          id: 'handover',
          markdown: `Rapport mellom vakter skal være **skriftlig i journalen**, så ingenting blir borte om en muntlig beskjed glipper. En kort muntlig rapport kan komme i tillegg.

- Marker det som er viktig for neste vakt, slik systemet legger til rette for.
- Beskjeder til fastlege, legevakt eller sykehus går som **elektroniske meldinger** fra journalen (for eksempel pleie- og omsorgsmeldinger). Da havner de hos riktig mottaker og blir dokumentert.
- Send ikke opplysninger om brukere på SMS, vanlig e-post eller i chatteapper.
- Er noe akutt, ring – og dokumenter etterpå hva du meldte og til hvem.`,
        },
      ],
    },
    {
      id: 'privacy',
      title: 'Personvern i journalen',
      blocks: [
        {
          type: 'text',
          id: 'rights',
          markdown: `Journalen inneholder noe av det mest private et menneske har. Brukerne har derfor rettigheter vi må kjenne:

- **Rett til innsyn:** brukeren kan lese journalen sin og få vite hvem som har åpnet den.
- **Rett til retting:** opplysninger som er feil, skal rettes.
- **Tjenstlig behov:** bare de som gir hjelp, skal lese – og bare det de trenger.

I praksis betyr det at du snur skjermen bort fra andre, ikke leser journal høyt der andre hører det, og ikke tar med deg utskrifter hjem. Pårørende har ikke automatisk rett til opplysninger; sjekk i journalen hva brukeren har samtykket til, og spør sykepleier ved tvil.`,
        },
        {
          type: 'quiz',
          id: 'final',
          title: 'Avsluttende quiz',
          passMark: 75,
          questions: [
            {
              id: 'same-name',
              prompt: 'Det finnes to brukere med samme navn i systemet. Hvordan sikrer du at du skriver i riktig journal?',
              multiple: false,
              options: [
                { id: 'first', text: 'Velger den første i listen', correct: false },
                { id: 'two-ids', text: 'Kontrollerer minst to kjennetegn, for eksempel navn og fødselsdato', correct: true },
                { id: 'ask-colleague', text: 'Spør en kollega hvem det sannsynligvis er', correct: false, feedback: 'Kontroller mot kjennetegn i systemet, ikke etter hukommelse.' },
              ],
            },
            {
              id: 'what-document',
              prompt: 'Hva skal dokumenteres etter et besøk? Velg alle som passer.',
              multiple: true,
              options: [
                { id: 'change', text: 'At brukeren har hovne ankler, som er nytt', correct: true },
                { id: 'not-done', text: 'At dusjingen ikke ble gjort fordi brukeren ikke ønsket det', correct: true },
                { id: 'message', text: 'At du har gitt beskjed til sykepleier', correct: true },
                { id: 'gossip', text: 'Hva naboen fortalte om brukerens sønn', correct: false, feedback: 'Skriv bare det som er relevant og nødvendig for hjelpen.' },
              ],
            },
            {
              id: 'wrong-note',
              prompt: 'Du oppdager at du skrev et notat i feil journal i går. Hva gjør du?',
              multiple: false,
              options: [
                { id: 'delete', text: 'Sletter notatet så ingen ser det', correct: false, feedback: 'Journalnotater slettes ikke; de rettes, så det går fram hva som skjedde.' },
                { id: 'correct', text: 'Retter det med systemets rettefunksjon, skriver notatet i riktig journal og sier fra til leder', correct: true, feedback: 'Riktig. Det kan også være et avvik som skal meldes.' },
              ],
            },
            {
              id: 'handover',
              prompt: 'Hvordan gir du beskjed om en viktig endring til neste vakt?',
              multiple: false,
              options: [
                { id: 'written', text: 'Skriftlig i journalen, markert som viktig, og gjerne muntlig i tillegg', correct: true },
                { id: 'sms', text: 'På SMS til den som har neste vakt', correct: false, feedback: 'SMS er ikke en trygg kanal for helseopplysninger, og beskjeden blir ikke dokumentert.' },
                { id: 'paper', text: 'På en lapp i vaktrommet', correct: false },
              ],
            },
          ],
        },
      ],
    },
  ],
};
