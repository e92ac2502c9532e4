import path from 'node:path';
import type { FileSource } from '../../../server/src/workspace/fileSource';
import type { ReadResult } from '../../../server/src/workspace/readConfigFile';

/** An in-memory tree of files for workspace tests: `{ '/ws/fr/etc/ipsec.conf': '…' }`. */
export class MemoryFiles implements FileSource {
  private readonly files = new Map<string, string | Buffer>();

  constructor(files: Record<string, string | Buffer> = {}) {
    for (const [name, content] of Object.entries(files)) this.files.set(name, content);
  }

  set(name: string, content: string | Buffer): void {
    this.files.set(name, content);
  }

  delete(name: string): void {
    this.files.delete(name);
  }

  read(filePath: string): ReadResult {
    const content = this.files.get(filePath);
    if (content === undefined) return { ok: false, reason: 'does not exist' };
    return { ok: true, text: content.toString() };
  }

  readBytes(filePath: string): Buffer | undefined {
    const content = this.files.get(filePath);
    return content === undefined ? undefined : Buffer.from(content);
  }

  list(dirPath: string): string[] | undefined {
    const prefix = dirPath.endsWith('/') ? dirPath : `${dirPath}/`;
    const names = new Set<string>();
    for (const name of this.files.keys()) {
      if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split('/')[0]);
    }
    return names.size > 0 ? [...names].sort() : undefined;
  }

  isFile(filePath: string): boolean {
    return this.files.has(filePath);
  }

  realpath(filePath: string): string {
    return path.normalize(filePath);
  }
}
