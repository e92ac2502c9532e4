import { spiValue } from '../../parsing/setkey/values';
import { defineRule } from '../rule';

export const setkeyBadSpi = defineRule({
  code: 'setkey-bad-spi',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: 'An SPI does not fit in 32 bits',
  description:
    'The SPI of an SA is a 32-bit number, at most 4294967295 (0xffffffff). setkey does not refuse a larger one: it keeps only the low 32 bits (parse.y checks hex values against a mask that is itself 32 bits wide, and strtoul wraps decimal ones), so the SA gets an SPI nobody wrote, which a peer configured by hand will not use. Pick an SPI in range and use the same one on both hosts.',
  check(document, report) {
    for (const statement of document.ast.statements) {
      const spi = statement.sa?.spi;
      if (spi && spiValue(spi.text) === undefined) report({ span: spi.span, message: `the SPI ${spi.text} does not fit in 32 bits; setkey keeps only the low 32 bits: use a value up to 0xffffffff` });
    }
  },
});
