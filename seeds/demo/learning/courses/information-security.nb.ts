import type { CourseContent } from '../../../../src/shared/api/learning-content.js';

// Informasjonssikkerhet og taushetsplikt i helse- og omsorgstjenesten (bokmål).
// Skrevet for demoen; lekse-, blokk- og spørsmåls-id-ene er de samme i alle språk.

export const informationSecurityNb: CourseContent = {
  title: 'Informasjonssikkerhet og taushetsplikt i helse og omsorg',
  description:
    'Et kort, praktisk kurs om hvordan du beskytter opplysningene om dem du yter tjenester til: taushetsplikt, tjenstlig behov, passord og tofaktor, phishing, delte enheter og avviksmelding. Tar omtrent 30 minutter.',
  lessons: [
    {
      id: 'confidentiality',
      title: 'Taushetsplikten gjelder alltid',
      blocks: [
        {
          type: 'text',
          id: 'intro',
          markdown: `Som ansatt i helse- og omsorgstjenesten får du vite mye om livet til andre: diagnoser, medisiner, familieforhold, økonomi og hvordan det står til hjemme. Brukerne forteller dette fordi de stoler på at det blir hos oss.

**Taushetsplikten betyr at du skal hindre at andre får kjennskap til slike opplysninger.** Den gjelder alt du får vite i jobben om folks helse og personlige forhold – ikke bare det som står i journalen.

Husk at taushetsplikten

- gjelder overfor alle som ikke trenger opplysningene for å gi hjelp: egen familie, venner, naboer og kolleger som ikke har ansvar for brukeren
- gjelder også etter at du har sluttet i jobben
- gjelder i sosiale medier, i lunsjen og på bussen hjem
- også kan brytes ved et uhell, for eksempel når du snakker i telefonen på et venterom`,
        },
        {
          type: 'text',
          id: 'when-share',
          markdown: `### Når kan opplysninger deles?

Du kan dele opplysninger med kolleger som trenger dem for å gi forsvarlig hjelp til brukeren, og med andre når brukeren har samtykket eller loven sier det. Er du i tvil, spør leder eller sykepleier før du deler. Det er alltid lov å spørre – det er ikke lov å gjette.`,
        },
      ],
    },
    {
      id: 'need-to-know',
      title: 'Bare det du trenger – tjenstlig behov',
      blocks: [
        {
          type: 'text',
          id: 'principle',
          markdown: `Du har tilgang til fagsystemer for å gjøre jobben din. Det betyr ikke at du kan slå opp hvem du vil.

**Tjenstlig behov:** Du skal bare lese opplysninger om brukere du faktisk gir hjelp til, og bare det du trenger for oppgaven du skal gjøre.

Det er *ikke* tjenstlig behov å

- sjekke hvordan det går med en nabo eller et familiemedlem
- lese om en kjent person som har fått plass på sykehjemmet
- se hva en kollega har fått hjelp for
- «bare titte» fordi du er nysgjerrig

### Alt blir logget

Fagsystemene logger hvem som har åpnet hvilken journal og når. Loggene blir kontrollert, og brukeren har rett til å få vite hvem som har sett journalen. Snoking er et alvorlig brudd på taushetsplikten og kan få følger for arbeidsforholdet og autorisasjonen.`,
        },
      ],
    },
    {
      id: 'passwords',
      title: 'Passord og tofaktor',
      blocks: [
        {
          type: 'text',
          id: 'passphrase',
          markdown: `Brukernavn og passord er din nøkkel til fagsystemene. Alt som gjøres med din innlogging, står i loggen på deg.

**Gode vaner:**

1. Bruk en lang passordfrase, gjerne flere ord: *«Kaffe-på-nattevakt-smaker-best»* er både lettere å huske og vanskeligere å knekke enn *«Sommer2024!»*.
2. Bruk forskjellig passord på jobb og privat.
3. Del aldri passordet ditt – heller ikke med en kollega som «bare skal dokumentere litt».
4. Skriv ikke passordet på en lapp ved PC-en eller på baksiden av nettbrettet.

### Tofaktor

Mange systemer krever en ekstra bekreftelse: en kode på SMS, en app eller et kort. Det betyr at et stjålet passord alene ikke er nok.

- Godkjenn bare innlogginger **du selv** har startet.
- Får du en forespørsel du ikke forventet, skal du avvise den og si fra til IT.
- Ingen fra IT eller leverandøren vil be deg lese opp en kode på telefonen.`,
        },
      ],
    },
    {
      id: 'phishing',
      title: 'Gjenkjenn phishing',
      blocks: [
        {
          type: 'text',
          id: 'signs',
          markdown: `Phishing er e-post, SMS eller telefoner som prøver å lure deg til å gi fra deg passord, koder eller opplysninger, eller til å åpne et skadelig vedlegg.

**Typiske tegn:**

- Det haster: «Kontoen din stenges i dag», «Svar innen en time».
- Avsenderen ligner, men er ikke helt riktig (for eksempel *kommune-no.com*).
- Du blir bedt om å logge inn via en lenke eller oppgi en kode.
- Uventede vedlegg, fakturaer eller pakkesporinger.
- Noen utgir seg for å være leder eller IT og ber om unntak fra rutinene.

### Hva gjør du?

Ikke klikk og ikke svar. Meld e-posten til IT slik kommunen har bestemt (ofte med en egen knapp i e-postprogrammet). **Har du allerede klikket eller oppgitt passordet, si fra med en gang.** Jo raskere IT vet det, jo mindre skade blir det. Ingen får kjeft for å melde fra.`,
        },
        {
          type: 'quiz',
          id: 'phishing-check',
          title: 'Sjekk deg selv',
          passMark: 50,
          questions: [
            {
              id: 'urgent-mail',
              prompt: 'Du får en e-post fra «IT-support» som sier at passordet ditt går ut i dag, med en lenke for å logge inn. Hva gjør du?',
              multiple: false,
              options: [
                { id: 'click', text: 'Klikker og logger inn, så jeg ikke blir stengt ute', correct: false, feedback: 'Slike e-poster er et klassisk lurebilde. Lenken kan føre til en falsk innloggingsside.' },
                { id: 'report', text: 'Klikker ikke, og melder e-posten til IT', correct: true, feedback: 'Riktig. IT kan advare andre og stoppe lignende e-poster.' },
                { id: 'forward', text: 'Videresender den til kolleger så de også får byttet passord', correct: false, feedback: 'Da sprer du angrepet videre.' },
              ],
            },
            {
              id: 'signs',
              prompt: 'Hvilke tegn tyder på phishing? Velg alle som passer.',
              multiple: true,
              options: [
                { id: 'hurry', text: 'Det haster og du trues med konsekvenser', correct: true },
                { id: 'odd-sender', text: 'Avsenderadressen er nesten, men ikke helt, riktig', correct: true },
                { id: 'code', text: 'Du blir bedt om å oppgi en engangskode', correct: true },
                { id: 'known-meeting', text: 'En møteinnkalling fra lederen din til et møte dere har avtalt', correct: false, feedback: 'Et forventet møte fra en kjent avsender er normalt, men vær likevel varsom med vedlegg.' },
              ],
              explanation: 'Hastverk, rare avsendere og forespørsler om koder eller passord er de vanligste varselsignalene.',
            },
          ],
        },
      ],
    },
    {
      id: 'shared-devices',
      title: 'Delte enheter og utlogging',
      blocks: [
        {
          type: 'text',
          id: 'devices',
          markdown: `I hjemmetjenesten og på sykehjem deler vi ofte PC-er, nettbrett og telefoner. Da er det lett å glemme at noen andre kan fortsette der du slapp.

- **Lås skjermen** når du går fra PC-en, selv for et øyeblikk (Windows-tast + L).
- **Logg ut** av fagsystemet og nettbrettet når vakten er slutt eller når du gir enheten videre.
- Bruk bare kommunens godkjente apper for pasientinformasjon. Ikke ta bilder av sår, medisinlister eller skjermbilder med privat telefon, og ikke send personopplysninger på SMS eller i chat-apper.
- Legg ikke utskrifter med personopplysninger igjen i bilen eller på pauserommet. Makuler det du ikke trenger.
- Mister du en jobbtelefon eller et nettbrett, meld fra straks, så kan IT sperre den.

Snakk også lavt om brukere i korridorer, heiser og offentlige rom. Taushetsplikt handler om mer enn IT.`,
        },
      ],
    },
    {
      id: 'deviations',
      title: 'Meld avvik',
      blocks: [
        {
          type: 'text',
          id: 'report',
          markdown: `Et avvik er noe som har gått galt, eller som kunne ha gått galt. Innen informasjonssikkerhet kan det for eksempel være

- en e-post med personopplysninger sendt til feil mottaker
- en kollega som har brukt innloggingen din
- en journal åpnet uten tjenstlig behov
- en jobbtelefon som er mistet
- et klikk på en lenke i en phishing-e-post

**Meld avviket i kommunens avvikssystem så raskt du kan, og si fra til lederen din.** Når personopplysninger har kommet på avveie, må kommunen i mange tilfeller melde fra til Datatilsynet innen 72 timer – derfor teller timene.

Avviksmelding handler om å lære, ikke om å finne syndebukker. Det er bedre med ti meldinger for mye enn én for lite.`,
        },
        {
          type: 'quiz',
          id: 'final',
          title: 'Avsluttende quiz',
          passMark: 80,
          questions: [
            {
              id: 'neighbour',
              prompt: 'Naboen din er innlagt på korttidsavdelingen der du jobber, men du har ikke ansvar for henne. Kan du lese journalen hennes for å se hvordan hun har det?',
              multiple: false,
              options: [
                { id: 'yes', text: 'Ja, jeg har tilgang til systemet', correct: false, feedback: 'Tilgang er ikke det samme som tjenstlig behov. Oppslaget blir logget.' },
                { id: 'no', text: 'Nei, jeg har ikke tjenstlig behov', correct: true, feedback: 'Riktig. Du kan spørre henne selv hvordan hun har det når du møter henne.' },
                { id: 'if-kind', text: 'Ja, hvis jeg bare vil henne vel', correct: false, feedback: 'Gode hensikter gir ikke tjenstlig behov.' },
              ],
            },
            {
              id: 'duty-scope',
              prompt: 'Hvem gjelder taushetsplikten overfor? Velg alle som passer.',
              multiple: true,
              options: [
                { id: 'family', text: 'Din egen familie', correct: true },
                { id: 'colleagues', text: 'Kolleger som ikke har ansvar for brukeren', correct: true },
                { id: 'social', text: 'Venner i sosiale medier', correct: true },
                { id: 'care-team', text: 'Sykepleieren som skal gi brukeren medisin på neste vakt', correct: false, feedback: 'Opplysninger som trengs for å gi forsvarlig hjelp, skal deles med dem som gir hjelpen.' },
              ],
            },
            {
              id: 'password-share',
              prompt: 'En vikar har ikke fått brukernavn ennå og spør om å låne innloggingen din for å dokumentere. Hva gjør du?',
              multiple: false,
              options: [
                { id: 'lend', text: 'Låner bort innloggingen, det er jo bare i dag', correct: false, feedback: 'Alt vikaren gjør, blir da logget på deg, og du bryter kommunens regler.' },
                { id: 'refuse', text: 'Sier nei, og hjelper vikaren å kontakte leder for å få tilgang', correct: true, feedback: 'Riktig. Vikaren kan gi muntlig rapport til deg i mellomtiden, så dokumenterer du det du selv har fått vite.' },
              ],
            },
            {
              id: 'mfa-prompt',
              prompt: 'Telefonen din viser en forespørsel om å godkjenne innlogging, men du prøver ikke å logge inn. Hva gjør du?',
              multiple: false,
              options: [
                { id: 'approve', text: 'Godkjenner, så forsvinner meldingen', correct: false, feedback: 'Da kan du slippe inn noen som har passordet ditt.' },
                { id: 'deny', text: 'Avviser og sier fra til IT', correct: true, feedback: 'Riktig. Det kan bety at passordet ditt er kjent av andre; bytt det også.' },
              ],
            },
            {
              id: 'shared-tablet',
              prompt: 'Hva gjør du med det felles nettbrettet når vakten er over? Velg alle som passer.',
              multiple: true,
              options: [
                { id: 'logout', text: 'Logger ut av fagsystemet', correct: true },
                { id: 'charge', text: 'Setter det til lading der det skal stå', correct: true },
                { id: 'leave', text: 'Lar det være innlogget så neste vakt slipper å logge inn', correct: false, feedback: 'Neste vakt skal logge inn med sin egen bruker.' },
              ],
            },
            {
              id: 'wrong-mail',
              prompt: 'Du har sendt en e-post med opplysninger om en bruker til feil mottaker. Hva er det viktigste du gjør nå?',
              multiple: false,
              options: [
                { id: 'wait', text: 'Venter og ser om noen reagerer', correct: false },
                { id: 'report', text: 'Melder avvik og sier fra til leder med en gang', correct: true, feedback: 'Riktig. Kommunen kan ha plikt til å varsle Datatilsynet innen 72 timer.' },
                { id: 'delete', text: 'Sletter e-posten fra Sendt-mappen', correct: false, feedback: 'Det fjerner ikke e-posten hos mottakeren, og skjuler avviket.' },
              ],
            },
          ],
        },
      ],
    },
  ],
};
