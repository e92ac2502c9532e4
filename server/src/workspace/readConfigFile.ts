import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:fs';
import { MAX_CHECKED_LENGTH, megabytes } from '../model/sizeLimits';

/**
 * `tooLarge`: refused for its size, or for the text already read, rather than for what it is;
 * `denied`: there, but this user may not read it (a gateway's ipsec.secrets, mode 600, for anyone but root).
 */
export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string; readonly tooLarge?: true; readonly denied?: true };

/** A file, or an editor's buffer, of `size` over `limit` (configuration text: over what is checked). */
export function tooLargeToRead(size: number, limit = MAX_CHECKED_LENGTH): { readonly ok: false; readonly reason: string; readonly tooLarge: true } {
  return { ok: false, reason: `is ${megabytes(size)}, more than the ${megabytes(limit)} that are read; not checked`, tooLarge: true };
}

/**
 * Reads a config file defensively: only regular files (never FIFOs or devices, which could block),
 * bounded in size, decoded as UTF-8 with invalid bytes replaced. `knownRegular` says a folder
 * listing has just shown a regular file, which spares a stat for each of thousands of files.
 */
export function readConfigFile(filePath: string, knownRegular = false): ReadResult {
  // Invalid UTF-8 becomes U+FFFD; a BOM is kept as text so that it can be reported.
  const read = readRegularFile(filePath, MAX_CHECKED_LENGTH, knownRegular, (bytes) => bytes.toString('utf8'));
  return read.ok ? { ok: true, text: read.value } : read;
}

/** The bytes of a small regular file (a certificate or key), or undefined when it is anything else. */
export function readConfigBytes(filePath: string, maxBytes: number, knownRegular = false): Buffer | undefined {
  const read = readRegularFile(filePath, maxBytes, knownRegular, (bytes) => Buffer.from(bytes));
  return read.ok ? read.value : undefined;
}

type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string; readonly tooLarge?: true; readonly denied?: true };

/** Most files fit here, read in one call and decoded from it without a buffer of their own. */
const scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * Opens without blocking and checks the type on the open descriptor, so a FIFO is never waited on.
 * A file a listing showed as regular is read straight away: should it have become something
 * else meanwhile, the non-blocking read still returns at once, and a full scratch buffer
 * falls back to the checked path.
 */
function readRegularFile<T>(filePath: string, maxBytes: number, knownRegular: boolean, decode: (bytes: Buffer) => T): Decoded<T> {
  let fd: number | undefined;
  try {
    fd = openSync(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
    if (knownRegular) {
      const n = readSync(fd, scratch, 0, scratch.length, 0);
      if (n < scratch.length && n <= maxBytes) return { ok: true, value: decode(scratch.subarray(0, n)) };
    }
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'is a directory' };
    if (!stat.isFile()) return { ok: false, reason: 'is not a regular file (FIFO, socket or device); not read' };
    if (stat.size > maxBytes) return tooLargeToRead(stat.size, maxBytes);
    const buffer = stat.size <= scratch.length ? scratch : Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, value: decode(buffer.subarray(0, read)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return code === 'EACCES' || code === 'EPERM' ? { ok: false, reason: describeFsError(error), denied: true } : { ok: false, reason: describeFsError(error) };
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
