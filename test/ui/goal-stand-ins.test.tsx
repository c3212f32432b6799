import { afterEach, describe, expect, it } from "vitest";
import { createTarget } from "../../src/targets/create-target";
import { fillForShow } from "../../src/ui/stand-ins";
import { renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("a hands-on goal before the target gives its values", () => {
  it("fills every placeholder: known values, stand-ins for the rest, never raw braces", () => {
    expect(fillForShow("Create `{{prefix}}-basics` in {{region}}", undefined, "eu-west-1")).toBe("Create `<your prefix>-basics` in eu-west-1");
    expect(fillForShow("{{ otherRegion }} and {{versionId}}", undefined, "eu-west-1")).toBe("<another region> and <versionId>");
    expect(fillForShow("{{prefix}}-basics in {{region}}", { prefix: "s3t-ab12cd", region: "us-east-2" }, "eu-west-1")).toBe("s3t-ab12cd-basics in us-east-2");
  });

  for (const [columns, rows] of [
    [60, 20],
    [80, 24],
  ] as const) {
    it(`shows <your prefix> when the target cannot be reached, at ${columns}×${rows}`, async () => {
      app = await renderApp({
        initialView: { screen: "lesson", lessonId: "s3-basics" },
        target: { target: "localstack", endpoint: "http://127.0.0.1:9" },
        createTarget: (options) => createTarget(options),
        columns,
        rows,
      });
      await app.waitFor("S3 in one picture");
      // Read, question (skipped), then the first hands-on step.
      await app.press("n", "S");
      const frame = await app.waitFor("Nothing answers at http://127.0.0.1:9");
      expect(frame).toContain("<your prefix>-basics");
      expect(frame).not.toContain("{{");
    });
  }
});
