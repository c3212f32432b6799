/** A question's topic is its id's prefix: the content checks make every id start with its file's topic. */
export const topicOf = (questionId: string): string => questionId.slice(0, Math.max(0, questionId.indexOf("."))) || questionId;
