import { CA_KEYWORDS } from './caKeywords';
import { CONN_CLIENT_KEYWORDS } from './connClientKeywords';
import { CONN_END_AUTH_KEYWORDS } from './connEndAuthKeywords';
import { CONN_END_KEYWORDS } from './connEndKeywords';
import { CONN_IKE_FEATURE_KEYWORDS } from './connIkeFeatureKeywords';
import { CONN_IKE_KEYWORDS } from './connIkeKeywords';
import { CONN_KERNEL_KEYWORDS } from './connKernelKeywords';
import { CONN_LEGACY_KEYWORDS } from './connLegacyKeywords';
import { CONN_SA_KEYWORDS } from './connSaKeywords';
import { SETUP_KEYWORDS } from './setupKeywords';
import { SETUP_LEGACY_KEYWORDS } from './setupLegacyKeywords';
import { SETUP_LOGGING_KEYWORDS } from './setupLoggingKeywords';
import type { KeywordInfo } from './types';

/**
 * Every ipsec.conf keyword of Openswan 2.6, Libreswan 4.x/5.x and the strongSwan 5.x/6.x starter.
 * Left/right keywords appear once, under their base name.
 */
export const IPSEC_CONF_KEYWORDS: readonly KeywordInfo[] = [
  ...SETUP_KEYWORDS,
  ...SETUP_LOGGING_KEYWORDS,
  ...SETUP_LEGACY_KEYWORDS,
  ...CONN_END_KEYWORDS,
  ...CONN_END_AUTH_KEYWORDS,
  ...CONN_IKE_KEYWORDS,
  ...CONN_IKE_FEATURE_KEYWORDS,
  ...CONN_SA_KEYWORDS,
  ...CONN_KERNEL_KEYWORDS,
  ...CONN_CLIENT_KEYWORDS,
  ...CONN_LEGACY_KEYWORDS,
  ...CA_KEYWORDS,
];
