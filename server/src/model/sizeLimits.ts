/**
 * How much configuration text is checked. A parse tree and what the rules derive from it take
 * 35 to 45 bytes of heap per byte of text, and Node's heap on a machine with 4 to 8 GB of memory
 * ends at 1 to 2 GB: past these sizes a check would end the process instead of answering. A
 * hand-written gateway's files come to kilobytes; a hub of 10,000 racoon peers to 8 MB in three files.
 */
export const MAX_CHECKED_LENGTH = 8 * 1024 * 1024;

/** All the configuration text one CLI run, or the server's index of a workspace, reads from disk. */
export const MAX_WORKSPACE_TEXT = 16 * 1024 * 1024;

/** A text larger than one file may be, which is then not parsed. */
export function isTooLargeToCheck(text: string): boolean {
  return text.length > MAX_CHECKED_LENGTH;
}

/** `31.2 MB`, in the units the limits are written in. */
export function megabytes(size: number): string {
  return `${(size / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
