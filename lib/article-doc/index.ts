/**
 * The article document: one Y.Doc per article (guid = article id) holding the claims and
 * dismissed suggestions; the body is not in the doc. All reads and writes go through these
 * functions. Pure and isomorphic (browser and Node), no I/O.
 */
export { ANCHOR_CONTEXT, MAX_ANCHOR_LENGTH, ZAnchor, anchorProblem, buildAnchor, rangeProblem, type TAnchor } from "./anchor";
export {
  MAX_RATIONALE,
  ZAddClaimInput,
  ZFieldsPatch,
  ZRationale,
  ZUserId,
  addClaim,
  assignClaim,
  changeClaimType,
  deleteClaim,
  getRationaleText,
  setRationale,
  setStatus,
  setVerdict,
  updateClaimFields,
  type TAddClaimInput,
  type TFieldsPatch,
} from "./claims";
export { MAX_COMMENTS_PER_CLAIM, MAX_COMMENT_LENGTH, ZCommentText, addComment, deleteComment, editComment, type TCommentText } from "./comments";
export { ZSuggestionKey, dismissSuggestion, readDismissed, restoreSuggestion, suggestionKey } from "./dismissed";
export { parseResolutionSpan } from "./fields";
export { allClaimItemClients, claimItemClients, claimNotificationItems, claimsTouchedBy, liveClaimItems, type ClaimItemClients, type ClaimNotificationItems, type ItemRef } from "./item-clients";
export { CLAIMS_KEY, DISMISSED_KEY, ZActor, ZClaimStatus, ZVerdictKey, newId, setArticleDocHooks, type Actor, type Origin } from "./internal";
export { checkInvariants, inspectClaims, readClaim, readClaims, type ClaimProblem } from "./read";
export {
  MAX_SOURCES_PER_CLAIM,
  MAX_URL_LENGTH,
  ZAddSourceInput,
  ZHttpUrl,
  ZUpdateSourcePatch,
  addSource,
  isHttpUrl,
  removeSource,
  updateSource,
  type TAddSourceInput,
  type TUpdateSourcePatch,
} from "./sources";
export { MAX_STATEMENT, ZStatement, setStatement } from "./statement";
export { createUndoManager } from "./undo";
export { restoreClaims, restoreComments, restoreVerdict } from "./restore";
