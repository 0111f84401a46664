// Messages between the app page and the player page (window.postMessage).
// No zod here: the player page imports this file and must stay small.

export const PLAYER_MESSAGE_SOURCE = 'mestring-player';

export type PlayerNavRequest = 'continue' | 'previous' | 'choice' | 'exit';

export type PlayerTocEntry = { id: string; title: string; depth: number; choosable: boolean; current: boolean; completed: boolean };

export type PlayerState = {
  current: { id: string; title: string } | null;
  canContinue: boolean;
  canPrevious: boolean;
  toc: PlayerTocEntry[];
  ended: boolean;
};

export type SaveStatus = 'saved' | 'saving' | 'retrying' | 'failed' | 'expired' | 'superseded';

/** Player page → app page. */
export type PlayerToApp =
  | { source: typeof PLAYER_MESSAGE_SOURCE; type: 'state'; state: PlayerState }
  | { source: typeof PLAYER_MESSAGE_SOURCE; type: 'save'; status: SaveStatus; pending: number }
  | { source: typeof PLAYER_MESSAGE_SOURCE; type: 'exited' }
  | { source: typeof PLAYER_MESSAGE_SOURCE; type: 'error'; code: 'LAUNCH_INVALID' | 'LOAD_FAILED' };

/** App page → player page. */
export type AppToPlayer = { source: typeof PLAYER_MESSAGE_SOURCE; type: 'navigate'; request: PlayerNavRequest; target?: string };
