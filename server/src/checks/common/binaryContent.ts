import { defineRule } from '../rule';

/** NUL characters, or a large share of replacement characters from invalid UTF-8. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  if (!head.includes('\ufffd')) return false;
  let replaced = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0xfffd) replaced++;
  return head.length > 0 && replaced / head.length > 0.1;
}

export const binaryContent = defineRule({
  code: 'binary-content',
  fileKinds: ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'],
  defaultSeverity: 'error',
  title: 'The file is binary, not a text configuration',
  description:
    'The file holds NUL bytes or is not valid UTF-8 text, so no daemon can read it as configuration. It is often a certificate, an archive or a file damaged in transfer that got a config file\'s name. Other checks are skipped for such a file.',
  check(document, report) {
    if (!looksBinary(document.source.text)) return;
    report({ span: { start: 0, end: 0 }, message: 'this file contains binary data (NUL bytes or invalid UTF-8): replace it with the text configuration' });
  },
});
