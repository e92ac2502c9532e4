import { PROPOSAL_KEYS, proposalWordsOf, withoutSlot } from '../../knowledge/ipsecConf/algorithms';
import { IPSEC_CONF_WEAK_WORDS, RACOON_WEAK_WORDS, SETKEY_WEAK_WORDS, WEAK_FAMILIES, type WeakFamily } from '../../knowledge/weakAlgorithms';
import type { ParsedDocument } from '../../model/document';
import { racoonStatements } from '../../parsing/racoon/walk';
import type { Span } from '../../text/sourceText';
import { keyedSettings } from '../ipsecConf/keyedSettings';
import { defineRule, type Reporter } from '../rule';
import { namedAlgorithms } from '../setkey/algorithms';

export const weakAlgorithm = defineRule({
  code: 'weak-algorithm',
  fileKinds: ['ipsec', 'racoon', 'setkey'],
  defaultSeverity: 'warning',
  title: 'A proposal offers an algorithm the IPsec RFCs advise against',
  description:
    'RFC 8221 (ESP and AH) and RFC 8247 (IKEv2) say which algorithms an implementation must no longer use: DES, Blowfish, MD5 and the 768-bit DH group 1 (MUST NOT), 3DES for ESP (IKE may still use it) and the 1024-bit DH groups 2 and 22 (SHOULD NOT). A tunnel that offers one may end up negotiating it, and a recorded exchange or a long-lived SA protected by it can be broken. Reported where `ike=`, `esp=`, `ah=`, `phase2alg=` or `pfsgroup=` name one (ipsec.conf), where a racoon proposal or sainfo does, and for a setkey SA keyed with one. Both sides must change together: offer the stronger algorithm on both, then drop the weak one. A daemon\'s own default proposals are not judged.',
  check(document, report) {
    if (document.kind === 'ipsec') checkIpsecConf(document as ParsedDocument<'ipsec'>, report);
    else if (document.kind === 'racoon') checkRacoon(document as ParsedDocument<'racoon'>, report);
    else if (document.kind === 'setkey') checkSetkey(document as ParsedDocument<'setkey'>, report);
  },
});

function checkIpsecConf(document: ParsedDocument<'ipsec'>, report: Reporter): void {
  for (const { setting } of keyedSettings(document)) {
    const value = setting.value;
    if (!value || !PROPOSAL_KEYS.has(setting.key.text.toLowerCase())) continue;
    const raw = document.source.text.slice(value.span.start, value.span.end);
    const seen = new Set<WeakFamily>();
    const forIke = setting.key.text.toLowerCase() === 'ike';
    for (const { word, offset } of proposalWordsOf(raw)) {
      const family = IPSEC_CONF_WEAK_WORDS.get(withoutSlot(word).word.toLowerCase());
      if (!family || seen.has(family) || (forIke && WEAK_FAMILIES[family].espOnly)) continue;
      seen.add(family);
      const start = value.span.start + offset;
      reportWeak(family, word, { start, end: start + word.length }, `${setting.key.text}=`, report);
    }
  }
}

function checkRacoon(document: ParsedDocument<'racoon'>, report: Reporter): void {
  for (const { statement } of racoonStatements(document.ast)) {
    const [keyword, ...args] = statement.head;
    const words = keyword && RACOON_WEAK_WORDS[keyword.text];
    if (!words) continue;
    for (const arg of args) {
      const family = arg.kind === 'word' ? words.get(arg.text.toLowerCase()) : undefined;
      // A proposal block holds phase 1 (IKE) transforms; sainfo is phase 2 (ESP).
      if (family && !(statement.place === 'proposal' && WEAK_FAMILIES[family].espOnly)) reportWeak(family, arg.text, arg.span, keyword.text, report);
    }
  }
}

function checkSetkey(document: ParsedDocument<'setkey'>, report: Reporter): void {
  for (const { flag, name } of namedAlgorithms(document.ast)) {
    const words = flag === '-E' || flag === '-A' ? SETKEY_WEAK_WORDS[flag] : undefined;
    const family = words?.get(name.text.toLowerCase());
    if (family) reportWeak(family, name.text, name.span, flag, report);
  }
}

function reportWeak(family: WeakFamily, word: string, span: Span, where: string, report: Reporter): void {
  const facts = WEAK_FAMILIES[family];
  const named = word.toLowerCase() === facts.name.toLowerCase() ? word : `${word} (${facts.name})`;
  report({ span, message: `${where} offers ${named}: ${facts.why}; use ${facts.instead} instead, on both sides of the tunnel` });
}
