import type { CourseContent } from '../../../../src/shared/api/learning-content.js';

// Digital medisindispenser i hjemmetjenesten (bokmål). Skrevet for demoen.

export const medicineDispenserNb: CourseContent = {
  title: 'Slik bruker du digital medisindispenser',
  description:
    'For deg som jobber i hjemmetjenesten: hva en digital medisindispenser er, hvordan den fylles, hva varslene betyr, hvordan du følger opp en tapt dose, hva du dokumenterer og når du skal si fra videre. Tar omtrent 25 minutter.',
  lessons: [
    {
      id: 'what-is-it',
      title: 'Hva er en digital medisindispenser?',
      blocks: [
        {
          type: 'text',
          id: 'device',
          markdown: `En digital medisindispenser er en låst boks som står hjemme hos brukeren. Den inneholder medisinene for flere dager, ofte som multidoseposer fra apoteket, og gir ut riktig dose til riktig tid.

Når det er tid for medisin, varsler dispenseren med lyd, lys og ofte tale. Brukeren trykker på en knapp og tar dosen. **Tar ikke brukeren dosen innen fristen, får hjemmetjenesten et varsel.** Dosen låses da inne i dispenseren, så den ikke kan tas dobbelt senere.

### Hvorfor bruker vi den?

- Brukeren kan ta medisinene sine selv, til riktig tid, uten å vente på besøk.
- Færre besøk som bare handler om å gi medisin, og mer tid til det som krever en person.
- Sikrere: feil dose og doble doser blir sjeldnere.

Dispenseren passer ikke for alle. Brukeren må kunne oppfatte varselet, trykke på knappen og ta medisinen selv. Det er vurdert og bestemt i vedtaket, og skal vurderes på nytt når helsetilstanden endrer seg.`,
        },
      ],
    },
    {
      id: 'filling',
      title: 'Fylling og klargjøring',
      blocks: [
        {
          type: 'text',
          id: 'steps',
          markdown: `Fyll dispenseren slik den lokale prosedyren beskriver. Vanligvis gjør du dette:

1. **Sjekk legemiddellisten** i journalen. Den er fasit. Er det endringer siden sist, skal nye poser være i tråd med dem.
2. **Kontroller posene:** brukerens navn, dato og klokkeslett på hver pose, og at rekken er hel. Mangler noe eller ser noe feil ut, skal det ikke i dispenseren – kontakt sykepleier.
3. **Legg inn rullen** som beskrevet av leverandøren, og sjekk at første dose ligger klar til riktig tidspunkt.
4. **Kontroller dosetidene** i dispenseren mot legemiddellisten.
5. **Sjekk strøm og nett:** dispenseren skal stå i stikkontakt, og den må ha dekning for å kunne varsle.
6. **Dokumenter påfyllingen** i journalen.

Legg aldri løse tabletter i dispenseren, og gjør ikke endringer i doseringen selv. Endringer i medisinering gjøres av lege og følges opp av sykepleier.`,
        },
      ],
    },
    {
      id: 'alerts',
      title: 'Varsler og tapte doser',
      blocks: [
        {
          type: 'text',
          id: 'kinds',
          markdown: `Dispenseren sender ulike varsler. De kommer til en app på tjenestetelefonen eller til alarmmottaket, alt etter hvordan kommunen har organisert det.

| Varsel | Hva det betyr |
| --- | --- |
| Tapt dose | Brukeren tok ikke dosen innen fristen. Dosen er låst inne. |
| Lite medisin | Rullen er snart tom og må fylles. |
| Lavt batteri / strømbrudd | Dispenseren går på batteri og kan slutte å virke. |
| Ingen forbindelse | Dispenseren kan ikke sende varsler. |
| Teknisk feil | For eksempel at en pose har satt seg fast. |

**Et varsel om tapt dose handler om en person, ikke om en maskin.** Det kan bety at brukeren har glemt det, sover, ikke er hjemme – eller at brukeren har falt eller er syk. Derfor skal alle varsler om tapte doser følges opp.`,
        },
      ],
    },
    {
      id: 'follow-up',
      title: 'Slik følger du opp et varsel',
      blocks: [
        {
          type: 'text',
          id: 'procedure',
          markdown: `Følg alltid den lokale prosedyren. Den bygger som regel på disse trinnene:

1. **Kvitter for varselet**, så kollegene ser at noen har tatt det.
2. **Kontakt brukeren**, for eksempel på telefon. Svarer brukeren og har det bra, kan dosen ofte gis ut fra dispenseren med en gang, hvis det er avtalt for den aktuelle medisinen.
3. **Får du ikke kontakt, reis hjem til brukeren.** Manglende svar kan bety at noe har skjedd.
4. **Vurder dosen.** Om en forsinket dose kan tas, hvor sent, og hva som gjelder for tidskritiske medisiner (for eksempel ved Parkinsons sykdom, diabetes eller epilepsi), står i brukerens plan. Er du i tvil, spør sykepleier.
5. **Gi aldri to doser samtidig** for å «ta igjen» en glemt dose.

Et teknisk varsel (strøm, nett, tom rull) følges også opp samme dag: en dispenser uten strøm eller nett kan ikke varsle neste gang.`,
        },
      ],
    },
    {
      id: 'document-escalate',
      title: 'Dokumentasjon og når du skal si fra',
      blocks: [
        {
          type: 'text',
          id: 'document',
          markdown: `### Dokumenter

Skriv i journalen samme vakt: hvilket varsel, hva du gjorde, hva brukeren sa og hvordan det gikk med dosen. Dokumenter også påfylling og tekniske feil. Det gir neste vakt og sykepleier et riktig bilde.

### Si fra til sykepleier eller lege når

- brukeren har mistet flere doser på kort tid
- brukeren virker forvirret, syk eller annerledes enn vanlig
- en tidskritisk dose er tapt
- det er feil i posene eller uoverensstemmelse med legemiddellisten

### Si fra til leder eller leverandør når

- dispenseren har feil du ikke kan løse på stedet
- varsler ikke kommer fram

Feil medisin, tapt dose som fikk følger eller feil på utstyret skal også **meldes som avvik**. Gjentatte tapte doser kan bety at dispenseren ikke lenger er riktig hjelp – det skal vurderes på nytt.`,
        },
        {
          type: 'quiz',
          id: 'final',
          title: 'Avsluttende quiz',
          passMark: 75,
          questions: [
            {
              id: 'missed-no-answer',
              prompt: 'Du får varsel om tapt morgendose. Brukeren svarer ikke på telefon. Hva gjør du?',
              multiple: false,
              options: [
                { id: 'wait', text: 'Venter til neste planlagte besøk', correct: false, feedback: 'Manglende svar kan bety at brukeren har falt eller er syk.' },
                { id: 'visit', text: 'Reiser hjem til brukeren så snart som mulig', correct: true, feedback: 'Riktig. Da kan du også se hvordan brukeren har det.' },
                { id: 'dismiss', text: 'Kvitterer ut varselet, dosen er jo låst inne', correct: false },
              ],
            },
            {
              id: 'double',
              prompt: 'Brukeren har glemt kveldsdosen og spør om å ta den sammen med morgendosen. Hva er riktig?',
              multiple: false,
              options: [
                { id: 'ok', text: 'Det går fint, da får brukeren alt', correct: false, feedback: 'Dobbel dose kan være farlig.' },
                { id: 'no-ask', text: 'Ikke gi to doser samtidig; spør sykepleier hva som gjelder', correct: true },
              ],
            },
            {
              id: 'before-filling',
              prompt: 'Hva kontrollerer du før du legger en ny rull i dispenseren? Velg alle som passer.',
              multiple: true,
              options: [
                { id: 'name', text: 'Navnet på posene', correct: true },
                { id: 'times', text: 'Dato og klokkeslett på posene', correct: true },
                { id: 'list', text: 'At posene stemmer med legemiddellisten', correct: true },
                { id: 'colour', text: 'At tablettene har samme farge som forrige gang', correct: false, feedback: 'Utseendet kan endres ved bytte av leverandør. Kontrollen skjer mot legemiddellisten, ikke mot fargen.' },
              ],
            },
            {
              id: 'escalate',
              prompt: 'Når skal du si fra til sykepleier? Velg alle som passer.',
              multiple: true,
              options: [
                { id: 'repeat', text: 'Brukeren har mistet tre doser denne uken', correct: true },
                { id: 'confused', text: 'Brukeren virker mer forvirret enn vanlig', correct: true },
                { id: 'mismatch', text: 'En pose stemmer ikke med legemiddellisten', correct: true },
                { id: 'refill', text: 'Dispenseren skal fylles som planlagt på fredag', correct: false, feedback: 'Planlagt påfylling er en vanlig oppgave. Dokumenter den.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
