import { afterEach, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { DEFAULT_EXAM_COUNT } from "../../src/engine/quiz-selection";
import { createTarget } from "../../src/targets/create-target";
import { sandboxTarget } from "../../src/targets/sandbox-target";
import type { Target } from "../../src/targets/target";
import { catalogFrom } from "../../src/ui/app-context";
import { guardStrayOutput } from "../../src/ui/stray-output";
import { COLOUR_THEME, NO_COLOUR_THEME, themeFor } from "../../src/ui/theme";
import { IN_FILE_ORDER, answerOnScreen, choose, questionIdOnScreen } from "./quiz-driver";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

/** The sandbox, but without a second account: what LocalStack-like targets look like to a step. */
const withoutSecondAccount = async (): Promise<Target> => {
  const target = sandboxTarget();
  return Object.assign(Object.create(target) as Target, { capabilities: new Set(["regionRedirect"]), identities: ["default"] });
};

describe("the quiz on the shipped questions", () => {
  it("practice asks every question, with the explanation and the source after each", async () => {
    const catalog = await shippedCatalog();
    const questions = new Map(catalog.quizzes.flatMap((loaded) => loaded.quiz.questions.map((question) => [question.id, question] as const)));
    // In file order: a long shipped question's options may not all fit on screen to be read.
    app = await renderApp({ initialView: { screen: "quiz" }, random: IN_FILE_ORDER });
    const first = await app.waitFor(`question 1 of ${questions.size}`);
    const asked = questions.get(questionIdOnScreen(first));
    if (!asked) throw new Error("the question on screen is not in the catalog");
    await answerOnScreen(app, asked, true, true);
    const feedback = await app.waitFor("✓ Correct.");
    // A long source wraps; the words are what matter.
    expect(feedback.replace(/\s+/g, "")).toContain(`Source:${asked.source}`);
    await app.press("n");
    await app.waitFor(`question 2 of ${questions.size}`);
  });

  it("an exam on the topics ticked in the menu asks up to 20 of their questions", async () => {
    const catalog = await shippedCatalog();
    const [firstQuiz] = catalog.quizzes.map((loaded) => loaded.quiz);
    if (!firstQuiz) throw new Error("no shipped quiz");
    app = await renderApp({ initialView: { screen: "quizMenu" } });
    await choose(app, "Exam");
    await app.waitFor("Exam: choose the topics");
    await app.press(KEYS.down, " ", KEYS.enter);
    const count = Math.min(DEFAULT_EXAM_COUNT, firstQuiz.questions.length);
    const frame = await app.waitFor(`Exam  question 1 of ${count}`);
    expect(questionIdOnScreen(frame).startsWith(`${firstQuiz.topic}.`)).toBe(true);
    expect(frame).toMatch(/⏱ \d+:\d\d left/);
  });
});

describe("targets in the app", () => {
  it("a step the target cannot run says so, with what AWS would show, and n passes over it", async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "global-namespace" }, createTarget: withoutSecondAccount });
    await app.press("n", KEYS.down, KEYS.down, KEYS.enter, "n");
    await app.waitFor("▶ Claim a name");
    await app.press("n");
    await app.waitFor("Check your work first (c), or skip the step (S).");
    await app.press("S");
    const step = await app.waitFor("Not on this target");
    expect(step).toContain("▶ Another account tries the same name");
    expect(step).toContain("needs a second account");
    expect(step).toContain("409 BucketAlreadyExists");
    await app.press("n");
    await app.waitFor("▶ Ask again for your own name");
    expect(app.frame()).toContain("✓✓––▸");
  });

  it("an unreachable target says what is wrong and how to fix it", async () => {
    app = await renderApp({
      initialView: { screen: "lesson", lessonId: "global-namespace" },
      target: { target: "localstack", endpoint: "http://127.0.0.1:9" },
      createTarget: (options) => createTarget(options),
    });
    await app.press("n", KEYS.down, KEYS.down, KEYS.enter, "n");
    const failed = await app.waitFor("Nothing answers at http://127.0.0.1:9");
    expect(failed).toContain("pass --endpoint");
    expect(failed).toContain("localstack · eu-west-1 · not reachable");
  });

  it("quitting after using a real account offers cleanup first", async () => {
    app = await renderApp({ target: { target: "aws", region: "eu-west-1" }, createTarget: async () => sandboxTarget() });
    await app.session.ready();
    await app.press("q");
    await app.waitFor("Clean up what s3-tutor created in your AWS account before leaving?");
    await app.press("y");
    expect(await app.waitForExit()).toEqual({ cleanup: true });
  });

  it("Ctrl-C on the sandbox leaves at once", async () => {
    app = await renderApp();
    await app.waitFor("Practice quiz");
    await app.press("\u0003");
    expect(await app.waitForExit()).toEqual({ cleanup: false });
  });
});

describe("the screen stays whole", () => {
  it("stray stderr output and warnings become notices, and are kept for after the app", () => {
    const seen: string[] = [];
    const restore = guardStrayOutput((message) => seen.push(message));
    process.stderr.write("(node:1) SomeWarning: something a library says\nmore detail\n");
    process.emitWarning("NodeVersionSupportWarning: please upgrade");
    const kept = restore();
    expect(seen).toEqual(["(node:1) SomeWarning: something a library says", "NodeVersionSupportWarning: please upgrade"]);
    expect(kept[0]).toContain("more detail");
  });

  it("NO_COLOR turns every colour off", () => {
    expect(themeFor({ NO_COLOR: "1" })).toBe(NO_COLOUR_THEME);
    expect(themeFor({})).toBe(COLOUR_THEME);
    expect(Object.entries(NO_COLOUR_THEME).filter(([name, value]) => name !== "colour" && value !== undefined)).toEqual([]);
  });
});

describe("the lesson list", () => {
  it("marks a finished lesson done and leaves the others new", async () => {
    const content = await shippedCatalog();
    const [lesson, other] = catalogFrom(
      content.lessons.map((loaded) => loaded.lesson),
      content.quizzes.map((loaded) => loaded.quiz),
    ).lessons;
    if (!lesson || !other) throw new Error("fewer than two shipped lessons");
    app = await renderApp({ initialView: { screen: "lesson", lessonId: lesson.id } });
    await app.waitFor(`step 1 of ${lesson.steps.length}`);
    // Skipping every step finishes the lesson, whatever its steps are.
    for (let step = 1; step <= lesson.steps.length; step++) await app.press("S");
    await app.waitFor("Lesson complete");
    await app.press(KEYS.escape);
    await app.waitFor("Practice quiz");
    await choose(app, "Lessons");
    const list = await app.waitFor("✓ done");
    expect(list).toContain(`✓ ${lesson.title}`);
    expect(list).toContain(`· ${other.title}`);
  });
});
