import { text } from './strings';

// The frame the SCO runs in, and the status line shown instead of it.
// Unloading goes through about:blank and waits for it, so the SCO's own
// unload handlers (where many SCOs call Terminate) have run before the player
// moves on.

const UNLOAD_TIMEOUT_MS = 3000;

export class ScoFrame {
  private readonly frame = document.getElementById('sco') as HTMLIFrameElement;
  private readonly message = document.getElementById('player-message') as HTMLParagraphElement;

  load(url: string, title: string): void {
    this.message.textContent = '';
    this.frame.title = text('frameTitle', { title });
    this.frame.hidden = false;
    this.frame.src = url;
  }

  show(message: string): void {
    this.frame.hidden = true;
    this.message.textContent = message;
  }

  get loaded(): boolean {
    return !this.frame.hidden && this.frame.isConnected && this.frame.src !== '' && this.frame.src !== 'about:blank';
  }

  /** Replaces the SCO with an empty page; resolves once the SCO's document is gone. */
  unload(): Promise<void> {
    if (!this.loaded) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.frame.removeEventListener('load', done);
        resolve();
      };
      const timer = setTimeout(done, UNLOAD_TIMEOUT_MS);
      this.frame.addEventListener('load', done);
      this.frame.hidden = true;
      this.frame.src = 'about:blank';
    });
  }

  /** Synchronous teardown for pagehide: removing the frame runs the SCO's unload handlers now. */
  removeNow(): void {
    if (this.frame.isConnected) this.frame.remove();
  }
}
