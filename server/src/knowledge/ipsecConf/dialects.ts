import type { Dialect, DialectTraits } from './types';

const YES_NO_WORDS = ['yes', 'no', 'y', 'n', 'true', 'false', 'on', 'off'] as const;

/*
 * Read from each parser:
 * - Libreswan lib/libipsecconf/{keywords.c,parser.lex,parser.y} (4.x to 5.2),
 *   lib/libswan/ipsecconf/{parser.y,scanner.lex} (5.3 on), lib/libswan/option_names.c.
 * - strongSwan src/starter/{confread.c,args.c,keywords.txt,parser/lexer.l}; gperf runs without --ignore-case.
 * - Openswan lib/libipsecconf/{keywords.c,parser.l,parser.y,confread.c} at v2.6.52.3.
 */
export const DIALECT_TRAITS: Readonly<Record<Dialect, DialectTraits>> = {
  libreswan: {
    label: 'Libreswan',
    releases: [
      '4.0', '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9', '4.10', '4.11', '4.12', '4.13', '4.14',
      '4.15', '5.0', '5.1', '5.2', '5.3', '5.3.1', '5.3.2', '5.4',
    ],
    sections: ['config', 'conn'],
    caseInsensitiveKeys: true,
    caseInsensitiveValues: true,
    unknownKeyword: 'error',
    wrongSection: 'error',
    commentKeys: [
      { value: 'silent', until: '5.1' },
      { value: 'warning', from: '5.1' },
    ],
    bareLeftRight: [
      { value: 'right', until: '5.3' },
      { value: 'right-with-warning', from: '5.3', until: '5.4' },
      { value: 'error', from: '5.4' },
    ],
    dashAfterSide: [
      { value: false, until: '5.0' },
      { value: true, from: '5.0' },
    ],
    yesNo: [
      { value: YES_NO_WORDS, until: '5.0' },
      { value: [...YES_NO_WORDS, '1', '0'], from: '5.0' },
    ],
    yesNoAnyCase: [
      { value: false, until: '5.0' },
      { value: true, from: '5.0' },
    ],
    durationUnits: ['us', 'ms', 's', 'm', 'h', 'd', 'w', 'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks'],
    durationUnitsAnyCase: true,
    legacyValueGrammar: [
      { value: true, until: '5.0' },
      { value: false, from: '5.0' },
    ],
    subnetNeedsPrefix: [
      { value: true, until: '5.0' },
      { value: false, from: '5.0' },
    ],
    durationFractions: [
      { value: false, until: '5.0' },
      { value: true, from: '5.0' },
    ],
    defaultEspLeavesPfsToPeer: [{ value: false }],
    uncheckedProposalMark: [
      { value: false, until: '5.4' },
      { value: true, from: '5.4' },
    ],
  },
  strongswan: {
    label: 'strongSwan',
    releases: [
      '5.0.0', '5.0.1', '5.0.2', '5.0.3', '5.0.4', '5.1.0', '5.1.1', '5.1.2', '5.1.3', '5.2.0', '5.2.1', '5.2.2',
      '5.3.0', '5.3.1', '5.3.2', '5.3.3', '5.3.4', '5.3.5', '5.4.0', '5.5.0', '5.5.1', '5.5.2', '5.5.3', '5.6.0',
      '5.6.1', '5.6.2', '5.6.3', '5.7.0', '5.7.1', '5.7.2', '5.8.0', '5.8.1', '5.8.2', '5.8.3', '5.8.4', '5.9.0',
      '5.9.1', '5.9.2', '5.9.3', '5.9.4', '5.9.5', '5.9.6', '5.9.7', '5.9.8', '5.9.9', '5.9.10', '5.9.11',
      '5.9.12', '5.9.13', '5.9.14', '6.0.0', '6.0.1', '6.0.2', '6.0.3', '6.0.4', '6.0.5', '6.0.6',
    ],
    sections: ['config', 'conn', 'ca'],
    caseInsensitiveKeys: false,
    caseInsensitiveValues: false,
    unknownKeyword: 'skipped',
    wrongSection: 'error',
    commentKeys: [{ value: 'unknown' }],
    bareLeftRight: [{ value: 'unknown' }],
    dashAfterSide: [{ value: false }],
    yesNo: [{ value: ['yes', 'no'] }],
    yesNoAnyCase: [{ value: false }],
    durationUnits: ['s', 'm', 'h', 'd'],
    durationUnitsAnyCase: false,
    legacyValueGrammar: [{ value: false }],
    subnetNeedsPrefix: [{ value: false }],
    durationFractions: [{ value: false }],
    defaultEspLeavesPfsToPeer: [
      { value: false, until: '6.0.2' },
      { value: true, from: '6.0.2' },
    ],
    uncheckedProposalMark: [{ value: false }],
  },
  openswan: {
    label: 'Openswan',
    releases: [
      '2.6.01', '2.6.02', '2.6.03', '2.6.04', '2.6.05', '2.6.06', '2.6.07', '2.6.08', '2.6.09', '2.6.10', '2.6.11',
      '2.6.12', '2.6.13', '2.6.14', '2.6.15', '2.6.16', '2.6.18', '2.6.19', '2.6.20', '2.6.21', '2.6.22', '2.6.23',
      '2.6.24', '2.6.25', '2.6.26', '2.6.27', '2.6.28', '2.6.29', '2.6.30', '2.6.31', '2.6.32', '2.6.33', '2.6.34',
      '2.6.35', '2.6.36', '2.6.37', '2.6.38', '2.6.39', '2.6.40', '2.6.41', '2.6.42', '2.6.43', '2.6.43.1', '2.6.44',
      '2.6.45', '2.6.46', '2.6.47', '2.6.47.1', '2.6.48', '2.6.49', '2.6.49.1', '2.6.50', '2.6.50.1', '2.6.51',
      '2.6.51.1', '2.6.51.2', '2.6.51.3', '2.6.51.4', '2.6.51.5', '2.6.52', '2.6.52.1', '2.6.52.2', '2.6.52.3',
      '3.0.0',
    ],
    sections: ['config', 'conn'],
    caseInsensitiveKeys: true,
    caseInsensitiveValues: true,
    unknownKeyword: 'error',
    wrongSection: 'error',
    commentKeys: [{ value: 'silent' }],
    bareLeftRight: [{ value: 'right' }],
    dashAfterSide: [{ value: false }],
    yesNo: [{ value: YES_NO_WORDS }],
    yesNoAnyCase: [{ value: false }],
    durationUnits: ['s', 'm', 'h', 'd', 'w'],
    durationUnitsAnyCase: false,
    legacyValueGrammar: [{ value: true }],
    subnetNeedsPrefix: [{ value: true }],
    durationFractions: [{ value: false }],
    defaultEspLeavesPfsToPeer: [{ value: false }],
    uncheckedProposalMark: [{ value: false }],
  },
};
