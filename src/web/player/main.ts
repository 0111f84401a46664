import './player.css';
import type { SaveStatus } from '../../shared/api/player-messages';
import { messenger, PLAYER_MESSAGE_SOURCE } from './messages';
import { openSession, RuntimeClient } from './runtime-client';
import { ScoFrame } from './sco-frame';
import { Scorm12Host } from './scorm12-host';
import { Scorm2004Host } from './scorm2004-host';
import { text, useLanguage } from './strings';

// The player page: /content/player/#t=<launch token>[&item=<identifier>] on
// the content origin, framed by the app's course page. It reads the token
// from the fragment (never sent to a server, never in a Referer), removes it
// from the address, opens the session and starts the SCORM host that fits the
// package.

const STATUS_MESSAGE: Partial<Record<SaveStatus, Parameters<typeof text>[0]>> = { expired: 'expired', superseded: 'superseded' };

async function main(): Promise<void> {
  const frame = new ScoFrame();
  // This page is useful only on the content origin's player path; anywhere else it does nothing.
  if (!location.pathname.startsWith('/content/player/')) return;
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('t');
  history.replaceState(null, '', location.pathname);
  const fail = (key: 'invalid' | 'loadFailed') => {
    frame.show(text(key));
    // The app's origin is not known yet; the message says nothing but that opening failed.
    if (window.parent !== window) window.parent.postMessage({ source: PLAYER_MESSAGE_SOURCE, type: 'error', code: key === 'invalid' ? 'LAUNCH_INVALID' : 'LOAD_FAILED' }, '*');
  };
  if (!token) return fail('invalid');
  frame.show(text('loading'));

  let session;
  try {
    session = await openSession(token, fragment.get('item'));
  } catch (err) {
    return fail((err as { status?: number }).status === 401 || (err as { status?: number }).status === 409 ? 'invalid' : 'loadFailed');
  }
  useLanguage(session.language);
  document.title = session.title;
  document.getElementById('course-title')!.textContent = session.title;
  const messages = messenger(session.appOrigin);
  const client = new RuntimeClient(session, (status, pending) => {
    messages.post({ type: 'save', status, pending });
    const message = STATUS_MESSAGE[status];
    if (message) frame.show(text(message));
  });
  let host: Scorm12Host | Scorm2004Host;
  try {
    host = session.kind === 'scorm12' ? new Scorm12Host(session, client, frame, messages) : new Scorm2004Host(session, client, frame, messages);
    host.start();
  } catch {
    return fail('loadFailed');
  }
  messages.listen((message) => void host.navigate(message.request, message.target));
  window.addEventListener('pagehide', () => host.leaveNow());
  // Back from the back/forward cache: this launch's state is gone with the frame.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) frame.show(text('expired'));
  });
}

void main();
