// The actions of the PIIS lifecycle, each through changePiis (lock, If-Match, transition table,
// derived state, audit and events in one transaction). Every refusal is a rule's: a 422 with its
// code and R-id; nothing is written on a refusal because the transaction rolls back.
export { amend, handOver, sign } from './piis.contract.js';
export { close, evaluate, recordInterviewHeld, requestInterview, requestSubsidyExtension } from './piis.follow-up.js';
export { decideSanction, issueNotice, recordHearingOutcome, requestHearing } from './piis.sanctions.js';
export { VOIDABLE_SEGMENTS, voidRecord, type VoidableSegment } from './piis.voids.js';
