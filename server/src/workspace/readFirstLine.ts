import { closeSync, constants, openSync, readSync } from 'node:fs';

/** The first line of a regular file (at most 200 bytes), for shebang detection; empty on any error. */
export function readFirstLine(filePath: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
    const buffer = Buffer.alloc(200);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, n).toString('utf8');
    const newline = head.indexOf('\n');
    return newline >= 0 ? head.slice(0, newline) : head;
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
