export { ERROR_CATALOG, ERROR_CODES, isErrorCode, type ErrorCode } from "./codes";
export { DomainError, getDomainError, isDomainError, type FieldCodes, type FieldErrors } from "./domain-error";
export { domainToTRPCError, toDomainError, trpcCodeFor } from "./to-trpc-error";
export { assertStorableText, findUnstorableText, isUnstorableText, unstorableTextError, UNSTORABLE_TEXT_MESSAGE } from "./unstorable-text";
export { ERROR_MESSAGE_TRANSLATIONS, errorMessageIn } from "./localized-messages";
