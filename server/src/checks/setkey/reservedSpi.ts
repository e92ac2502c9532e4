import { spiValue } from '../../parsing/setkey/values';
import { defineRule } from '../rule';

/** SPIs 1 to 255 are reserved by IANA for future use; 0 means "no SA". */
const FIRST_UNRESERVED_SPI = 256;

export const setkeyReservedSpi = defineRule({
  code: 'setkey-reserved-spi',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: 'An SPI lies in the reserved range 0 to 255',
  description:
    'setkey(8) says SPIs 0 to 255 are reserved by IANA and cannot be used. Some kernels accept them for manual SAs anyway, but peers and key daemons may not. Use an SPI of 256 or more on both hosts. IPComp SAs are not checked: their SPI field holds a compression parameter index.',
  check(document, report) {
    for (const statement of document.ast.statements) {
      const spi = statement.sa?.spi;
      if (!spi || statement.sa?.protocol?.text === 'ipcomp') continue;
      const value = spiValue(spi.text);
      if (value !== undefined && value < FIRST_UNRESERVED_SPI) {
        report({ span: spi.span, message: `SPI ${spi.text} is in the reserved range 0 to 255: use 256 or more, e.g. 0x${(0x1000 + value).toString(16)}` });
      }
    }
  },
});
