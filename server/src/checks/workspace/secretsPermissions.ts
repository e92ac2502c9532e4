import path from 'node:path';
import type { FileSource } from '../../workspace/fileSource';
import { defineWorkspaceRule } from '../workspaceRule';

export const secretsPermissions = defineWorkspaceRule({
  code: 'secrets-permissions',
  fileKinds: ['ipsec-secrets', 'racoon-psk'],
  defaultSeverity: 'warning',
  title: 'A file of secrets is readable by other users',
  description:
    '`ipsec.secrets` and racoon\'s `psk.txt` hold keys and passphrases; anyone who can read them can impersonate the gateway. racoon refuses a `psk.txt` that group or others can read. Run `chmod 600` on the file (owned by root). Not judged inside a git working tree: git records no read permissions, so a checkout has its default mode whatever the gateway\'s copy has.',
  check(model, report) {
    const inGit = gitWorkTreeTest(model.files);
    for (const { filePath, document } of model.secretFiles) {
      const mode = model.files.mode?.(filePath);
      // Where the file really lies: a working tree reached through a symbolic link is still one.
      if (mode === undefined || (mode & 0o077) === 0 || inGit(path.dirname(model.files.realpath(filePath)))) continue;
      const racoon = path.basename(filePath) === 'psk.txt';
      report({
        document,
        span: { start: 0, end: 0 },
        message: `${path.basename(filePath)} has mode ${mode.toString(8).padStart(3, '0')}: other users can read the secrets${racoon ? ' and racoon refuses the file' : ''}; run chmod 600 on it`,
      });
    }
  },
});

/** Whether a folder lies in a git working tree (it or a folder above it holds `.git`), each folder asked once. */
function gitWorkTreeTest(files: FileSource): (folder: string) => boolean {
  const known = new Map<string, boolean>();
  const inGit = (folder: string): boolean => {
    const cached = known.get(folder);
    if (cached !== undefined) return cached;
    const parent = path.dirname(folder);
    const answer = (files.list(folder)?.includes('.git') ?? false) || (parent !== folder && inGit(parent));
    known.set(folder, answer);
    return answer;
  };
  return inGit;
}
