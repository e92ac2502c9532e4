import type { ParsedDocument } from '../../model/document';
import { outlineIpsecConf } from './ipsecConfOutline';
import type { OutlineNode } from './outline';
import { outlinePsk } from './pskOutline';
import { outlineRacoon } from './racoonOutline';
import { outlineSecrets } from './secretsOutline';
import { outlineSetkey } from './setkeyOutline';

export type { OutlineNode } from './outline';

export function outlineOf(document: ParsedDocument): OutlineNode[] {
  switch (document.kind) {
    case 'ipsec':
      return outlineIpsecConf(document);
    case 'ipsec-secrets':
      return outlineSecrets(document);
    case 'racoon':
      return outlineRacoon(document);
    case 'racoon-psk':
      return outlinePsk(document);
    case 'setkey':
      return outlineSetkey(document);
  }
}
