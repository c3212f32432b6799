/** A follow-up chain is at most this many asks deep: the question and three follow-ups. validate refuses deeper, the interviewer stops there. */
export const MAX_CHAIN_DEPTH = 4;
