import type { CloseAction, ErrorAction, ErrorHandler } from 'vscode-languageclient/node';

// The client library's enum values, spelled out so this module loads without VS Code (tests).
const CONTINUE = 1 as ErrorAction.Continue;
const DO_NOT_RESTART = 1 as CloseAction.DoNotRestart;
const RESTART = 2 as CloseAction.Restart;

/**
 * Restarts a crashed server up to `maxRestarts` times and tells the user once, the first time;
 * after that the extension stops trying and says so. Pure (no vscode import) so it is tested.
 */
export function restartPolicy(notify: (message: string) => void, maxRestarts = 4): ErrorHandler {
  let restarts = 0;
  return {
    error: () => ({ action: CONTINUE }),
    closed: () => {
      restarts++;
      if (restarts > maxRestarts) {
        return { action: DO_NOT_RESTART, message: 'The IPsec language server keeps stopping; it will not be restarted. Run "Developer: Reload Window" to try again.' };
      }
      if (restarts === 1) notify('The IPsec language server stopped unexpectedly and was restarted.');
      return { action: RESTART, handled: true };
    },
  };
}
