import { allowsBits, AUTHENTICATION_ALGORITHMS, describeBits, ENCRYPTION_ALGORITHMS, keyBits, type AlgorithmFacts } from '../../knowledge/setkey';
import { defineRule } from '../rule';

export const setkeyBadKeyLength = defineRule({
  code: 'setkey-bad-key-length',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A key does not have the length its algorithm needs',
  description: 'After `-E` or `-A`, the key (`0x` hex or a quoted string) must have exactly the number of bits the algorithm takes, e.g. 192 bits (48 hex digits) for 3des-cbc, 160 for hmac-sha1. The kernel refuses the SA otherwise. Never paste a real key into a shared file.',
  check(document, report) {
    for (const statement of document.ast.statements) {
      if (statement.command.text !== 'add') continue;
      const args = statement.args;
      for (let i = 0; i < args.length - 2; i++) {
        const table = args[i].text === '-E' ? ENCRYPTION_ALGORITHMS : args[i].text === '-A' ? AUTHENTICATION_ALGORITHMS : undefined;
        if (!table) continue;
        const facts: AlgorithmFacts | undefined = table.find((a) => a.name === args[i + 1].text);
        const key = args[i + 2];
        if (!facts || facts.name === 'null') continue;
        const bits = keyBits(key.text, key.kind === 'string');
        if (bits === undefined || allowsBits(facts, bits)) continue;
        report({ span: key.span, message: `${facts.name} takes a key of ${describeBits(facts)} bits, but this key has ${bits}: use a key of the right length` });
      }
    }
  },
});
