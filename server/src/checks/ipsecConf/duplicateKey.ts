import { defineRule } from '../rule';

/** Keys that may legitimately appear several times in one section. */
const REPEATABLE_KEYS = new Set(['also']);

export const duplicateKey = defineRule({
  code: 'duplicate-key',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'A key is set twice in one section',
  description:
    'Libreswan refuses to load a conn that sets the same key twice (the tunnel never comes up), while strongSwan and `config setup` quietly use one of the values. Keep one line per key; `also=` is the one key that may repeat.',
  check(document, report) {
    for (const section of document.ast.sections) {
      const seen = new Map<string, number>();
      for (const setting of section.settings) {
        if (!setting.equals || REPEATABLE_KEYS.has(setting.key.text)) continue;
        const earlier = seen.get(setting.key.text);
        if (earlier === undefined) {
          seen.set(setting.key.text, setting.line);
          continue;
        }
        report({
          span: setting.key.span,
          message: `"${setting.key.text}" is already set on line ${earlier + 1} of this section (Libreswan then refuses to load the conn): keep only one of them`,
          related: [
            {
              uri: document.uri,
              range: { start: { line: earlier, character: 0 }, end: { line: earlier, character: 0 } },
              message: 'first set here',
            },
          ],
        });
      }
    }
  },
});
