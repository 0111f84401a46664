/**
 * Calendar dates are taken in Norwegian time: Norway, Sweden and Denmark share
 * the zone, so a completion at 00:30 counts for the day the learner saw.
 */
export const LEARNING_TIME_ZONE = 'Europe/Oslo';
