/**
 * How long a text may be and how many photos a form takes: one number each, read by the zod
 * schemas (the API's contract) and by the mini-program's forms (maxlength, hints, its own checks
 * before sending). Plain constants, no zod: the weapp main package imports this file directly.
 */

/** Photos on one concern, progress note, proposal or set of minutes. */
export const MAX_PHOTOS = 9

// ——— Concerns ———
export const CONCERN_TEXT_MIN = 5
export const CONCERN_TEXT_MAX = 2000
/** The similar-concern lookup starts from this many characters. */
export const SIMILAR_TEXT_MIN = 2
export const PLACE_TEXT_MIN = 2
export const PLACE_TEXT_MAX = 100
export const RATING_COMMENT_MAX = 500
export const TRANSITION_REASON_MAX = 500
export const TRANSITION_NOTE_MAX = 2000
/** 签收 and 到场 notes. */
export const MILESTONE_NOTE_MAX = 500
export const GRID_NAME_MAX = 40

/** A partner organisation, an invited party, a responsible party: "安居物业", "和平区住建局". */
export const ORG_NAME_MIN = 2
export const ORG_NAME_MAX = 40

// ——— Councils ———
export const SESSION_TITLE_MIN = 2
export const SESSION_TITLE_MAX = 60
export const VENUE_MIN = 2
export const VENUE_MAX = 60
export const ONLINE_URL_MAX = 500
export const SESSION_DESCRIPTION_MAX = 1000
export const TOPIC_TITLE_MIN = 4
export const TOPIC_TITLE_MAX = 60
export const TOPIC_REASON_MIN = 10
export const TOPIC_REASON_MAX = 1000
export const DECLINE_REASON_MIN = 2
export const DECLINE_REASON_MAX = 500
export const CANCEL_REASON_MIN = 2
export const CANCEL_REASON_MAX = 200
export const RESOLUTION_TEXT_MIN = 5
export const RESOLUTION_TEXT_MAX = 1000
export const MINUTES_TEXT_MAX = 10_000

// ——— Votes ———
export const VOTE_TITLE_MIN = 2
export const VOTE_TITLE_MAX = 60
export const VOTE_TEXT_MIN = 5
export const VOTE_TEXT_MAX = 5000
export const CHOICE_TEXT_MAX = 40

// ——— Residency ———
export const REJECT_REASON_MIN = 2
export const REJECT_REASON_MAX = 200
