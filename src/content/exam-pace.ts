/**
 * An exam gives 90 seconds a question: the pace of AWS's certification exams, a little quicker.
 * Here in content so a workshop's exam block can be checked against the clock the engine sets.
 */
export const EXAM_SECONDS_PER_QUESTION = 90;
