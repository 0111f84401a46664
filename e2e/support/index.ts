export { checkA11y, settleAnimations } from './a11y.js';
export { apiClient, type ApiPerson, type ApiUnit, expectSignedIn, forgetSession, languageOf, signIn, submitSignIn } from './auth.js';
export * from './demo.js';
export { exact, LANGUAGES, type Language, t } from './i18n.js';
export { expectFocusVisible, expectNoHorizontalOverflow, focusedDescription, tabTo, waitForPage } from './page.js';
export { peopleTable, personRow, searchPeople } from './people.js';
