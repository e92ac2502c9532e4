import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:fs';

/** Files larger than this are not read: no hand-written IPsec config comes close. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/**
 * Reads a config file defensively: only regular files (never FIFOs or devices, which could block),
 * bounded in size, decoded as UTF-8 with invalid bytes replaced.
 */
export function readConfigFile(filePath: string): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!stat.isFile()) return { ok: false, reason: 'is not a regular file (FIFO, socket or device); not read' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: `is ${stat.size} bytes, over the ${MAX_FILE_BYTES}-byte limit; not read` };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(buffer.subarray(0, read)) };
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    case 'ELOOP':
      return 'is a symbolic link loop';
    case 'EISDIR':
      return 'is a directory';
    default:
      return `cannot be read (${code ?? 'unknown error'})`;
  }
}
