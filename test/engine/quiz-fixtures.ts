import type { Question } from "../../src/content/schema/quiz";
import type { Answer } from "../../src/engine/grading";

/** Questions of two topics with tags, for the quiz engine's tests; nothing here depends on the shipped quizzes. */

const source = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";

export const QUESTIONS: Question[] = [
  {
    id: "naming.shared",
    type: "single",
    prompt: "Can another account create your bucket's name?",
    choices: [{ text: "Yes" }, { text: "No", correct: true }, { text: "Only in another region" }],
    explain: "The namespace is shared.",
    source,
    tags: ["namespace"],
  },
  {
    id: "naming.rules",
    type: "multi",
    prompt: "Which names are invalid?",
    choices: [{ text: "My-Bucket", correct: true }, { text: "my-bucket" }, { text: "192.168.5.4", correct: true }, { text: "logs.example.com" }],
    explain: "Uppercase and IP-shaped names are invalid.",
    source,
    tags: ["naming", "namespace"],
  },
  { id: "naming.regions", type: "truefalse", prompt: "Names are unique per region.", answer: false, explain: "Per partition.", source, tags: ["namespace"] },
  { id: "naming.code", type: "text", prompt: "The error code?", accept: ["InvalidBucketName"], explain: "400 InvalidBucketName.", source, tags: ["errors"] },
  {
    id: "replication.versioning",
    type: "truefalse",
    prompt: "Replication needs versioning on both buckets.",
    answer: true,
    explain: "Both source and destination.",
    source,
    tags: ["replication"],
  },
  {
    id: "replication.existing",
    type: "single",
    prompt: "Are existing objects replicated by a new rule?",
    choices: [{ text: "Yes" }, { text: "No, only new ones (Batch Replication does the rest)", correct: true }],
    explain: "Only new objects.",
    source,
    tags: ["replication"],
  },
];

export const BY_ID: ReadonlyMap<string, Question> = new Map(QUESTIONS.map((question) => [question.id, question]));

export const question = (id: string): Question => {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return found;
};

/** The right (or a wrong) answer to an item as it is shown, options shuffled. */
export const shownReply = (item: { questionId: string; choiceOrder: readonly number[] }, right: boolean): Answer => {
  const asked = question(item.questionId);
  const order = item.choiceOrder.length > 0 ? item.choiceOrder : [];
  switch (asked.type) {
    case "single":
    case "multi": {
      const shown = (order.length > 0 ? order : asked.choices.map((_c, i) => i)).map((original) => asked.choices[original]);
      const indexes = shown.flatMap((choice, index) => ((choice?.correct === true) === right ? [index] : []));
      return { kind: "choices", indexes: right ? indexes : indexes.slice(0, 1) };
    }
    case "truefalse":
      return { kind: "boolean", value: right ? asked.answer : !asked.answer };
    case "text":
      return { kind: "text", value: right ? (asked.accept[0] ?? "") : "nope" };
  }
};
