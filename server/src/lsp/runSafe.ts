import { ResponseError, type CancellationToken, LSPErrorCodes } from 'vscode-languageserver/node';

export type Logger = (message: string) => void;

/**
 * Runs a request handler so that a bug answers with the fallback instead of taking the
 * server down, and a cancelled request answers as cancelled. Logs the error's name and
 * stack only: never document text, which may hold secrets.
 */
export function runSafe<T>(log: Logger, name: string, fallback: T, token: CancellationToken | undefined, work: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
  try {
    return work();
  } catch (error) {
    log(`${name} failed: ${error instanceof Error ? `${error.name}\n${stackOnly(error)}` : 'unknown error'}`);
    return fallback;
  }
}

function stackOnly(error: Error): string {
  return (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n');
}
