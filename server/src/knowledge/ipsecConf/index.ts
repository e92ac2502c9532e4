export { DIALECT_TRAITS } from './dialects';
export { IPSEC_CONF_KEYWORDS } from './keywords';
export {
  availabilityFor,
  defaultsFor,
  editDistance,
  isAllowedIn,
  keywordsFor,
  lookupKeyword,
  suggestKeyword,
  type KeywordCandidate,
  type KeywordLookup,
  type KeywordSuggestion,
  type LookupStatus,
  type ReleaseDefault,
  type Side,
  type SuggestionReason,
} from './lookup';
export { SECRET_TYPES, SECRETS_TRAITS, lookupSecretType, secretTypesFor, suggestSecretType, type SecretType } from './secrets';
export type * from './types';
export { compareVersions, expandVersion, isKnownRelease } from './versions';
