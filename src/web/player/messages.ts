import type { AppToPlayer, PLAYER_MESSAGE_SOURCE as SharedSource, PlayerToApp } from '../../shared/api/player-messages';

// Types only from shared code: a value import would become a chunk this page
// shares with the app bundle, served from the app's /assets/ (not here).
export const PLAYER_MESSAGE_SOURCE: typeof SharedSource = 'mestring-player';

// The player page and the app page talk with postMessage, each checking the
// other's origin. The app's origin comes from the server (the session), so a
// course's own scripts (same origin as this page, but not the parent window)
// cannot steer the player, and our messages reach nobody but the app.

type Outgoing = PlayerToApp extends infer M ? (M extends { source: unknown } ? Omit<M, 'source'> : never) : never;

export function messenger(appOrigin: string) {
  const post = (message: Outgoing) => {
    if (window.parent !== window) window.parent.postMessage({ ...message, source: PLAYER_MESSAGE_SOURCE }, appOrigin);
  };
  const listen = (handler: (message: AppToPlayer) => void) => {
    window.addEventListener('message', (event: MessageEvent) => {
      if (event.origin !== appOrigin || event.source !== window.parent) return;
      const data = event.data as Partial<AppToPlayer> | null;
      if (!data || data.source !== PLAYER_MESSAGE_SOURCE || data.type !== 'navigate') return;
      if (!['continue', 'previous', 'choice', 'exit'].includes(String(data.request))) return;
      handler({ source: PLAYER_MESSAGE_SOURCE, type: 'navigate', request: data.request!, ...(typeof data.target === 'string' ? { target: data.target } : {}) });
    });
  };
  return { post, listen };
}

export type Messenger = ReturnType<typeof messenger>;
