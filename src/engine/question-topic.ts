// The content checks and the engine read a question's topic the same way.
export { topicOf } from "../content/question-topic";
