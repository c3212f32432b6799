import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { IN_FILE_ORDER } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

// The fixture quiz in file order: a single choice (the second option is right), a multi (the
// first two), a true/false (false) and a typed answer (InvalidBucketName).
const FIXTURE = fileURLToPath(new URL("../fixtures/content/good", import.meta.url));
const practice = { screen: "quiz", request: { mode: "practice", topics: [], tags: [] } } as const;

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

const answered = (number: number) => new RegExp(`question ${number} of 4[\\s\\S]*✓ Correct\\.`);

describe.each([
  { columns: 60, rows: 20 },
  { columns: 80, rows: 24 },
])("keys that arrive in one write, at $columns×$rows", (size) => {
  it("are taken in order, across screens: Down Enter picks the option below, a paste of text and Enter answers", async () => {
    app = await renderApp({ content: [FIXTURE], random: IN_FILE_ORDER, initialView: practice, ...size });
    await app.waitFor("question 1 of 4");

    await app.burst(KEYS.down, KEYS.enter);
    await app.waitFor(answered(1));

    // Next, tick the first two and answer, all in one write.
    await app.burst("n", " ", KEYS.down, " ", KEYS.enter);
    await app.waitFor(answered(2));

    // The case: Down Enter on a true/false question saved "True" instead of "False".
    await app.burst("n", KEYS.down, KEYS.enter);
    await app.waitFor(answered(3));

    // `tmux send-keys "InvalidBucketName" Enter`, or a paste that ends in a newline.
    await app.burst("n", "InvalidBucketName", KEYS.enter);
    const frame = await app.waitFor(answered(4));
    expect(frame).not.toContain("Not quite");

    await app.unmount();
    const saved = app.quizStores.history.data.answers.map((answer) => [answer.questionId, answer.correct]);
    expect(saved).toEqual([
      ["fixture.shared-namespace", true],
      ["fixture.pick-two", true],
      ["fixture.region-in-name", true],
      ["fixture.error-code", true],
    ]);
    app = undefined;
  });
});
