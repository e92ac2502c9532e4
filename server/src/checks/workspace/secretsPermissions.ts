import path from 'node:path';
import { defineWorkspaceRule } from '../workspaceRule';

export const secretsPermissions = defineWorkspaceRule({
  code: 'secrets-permissions',
  fileKinds: ['ipsec-secrets', 'racoon-psk'],
  defaultSeverity: 'warning',
  title: 'A file of secrets is readable by other users',
  description:
    '`ipsec.secrets` and racoon\'s `psk.txt` hold keys and passphrases; anyone who can read them can impersonate the gateway. racoon refuses a `psk.txt` that group or others can read. Run `chmod 600` on the file (owned by root).',
  check(model, report) {
    for (const { filePath, document } of model.secretFiles) {
      const mode = model.files.mode?.(filePath);
      if (mode === undefined || (mode & 0o077) === 0) continue;
      const racoon = path.basename(filePath) === 'psk.txt';
      report({
        document,
        span: { start: 0, end: 0 },
        message: `${path.basename(filePath)} has mode ${mode.toString(8).padStart(3, '0')}: other users can read the secrets${racoon ? ' and racoon refuses the file' : ''}; run chmod 600 on it`,
      });
    }
  },
});
