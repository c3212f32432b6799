import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { isHandsOnStep } from "../../src/content/step-kinds";
import type { Action } from "../../src/content/schema/lesson";
import { stepCode } from "../../src/handson/code-view";
import { stepFor } from "../../src/handson/step-variant";
import { renderAction } from "../../src/handson/template";
import { targetVariables } from "../../src/handson/variables";
import type { Target } from "../../src/targets/target";
import { breaksInsideQuotes, isOneWord, joinContinuations, shAvailable, shSyntaxError } from "./helpers/shell";
import { typecheckPrograms } from "./helpers/typecheck";
import { stubTarget } from "./stub-target";

const sandbox = stubTarget();
const aws = stubTarget({ name: "aws", endpoint: undefined, identities: ["default"], cliEnvironment: () => ({ AWS_PROFILE: "learner" }) });

/** Commands one to a line: continuations joined, comments and blank lines left out. */
const commandsOf = (text: string): string[] =>
  joinContinuations(text)
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));

const ENVIRONMENT_PREFIX = /^(?:[A-Z_]+=\S+ )+/;

describe("a step's code: several calls", () => {
  const actions: Action[] = [
    { call: "s3:DeleteBucket", label: "You give the name up", input: { Bucket: "s3t-claim" } },
    { call: "s3:CreateBucket", as: "other", label: "Another account takes it", input: { Bucket: "s3t-claim" } },
    { call: "s3:HeadBucket", input: { Bucket: "s3t-claim" }, expectError: { code: "Forbidden", status: 403 } },
    { call: "s3:GetObject", input: { Bucket: "s3t-claim", Key: "a.txt" }, region: "us-east-1" },
  ];

  it("TypeScript: one program, one client per region and identity, a failure the step expects caught so the rest runs", () => {
    expect(stepCode(actions, sandbox, { width: 100 }).typescript).toBe(
      [
        "import {",
        "  S3Client,",
        "  DeleteBucketCommand,",
        "  CreateBucketCommand,",
        "  HeadBucketCommand,",
        "  GetObjectCommand,",
        '} from "@aws-sdk/client-s3";',
        "",
        "const s3EuWest1 = new S3Client({",
        '  region: "eu-west-1",',
        '  endpoint: "http://127.0.0.1:4567",',
        "  forcePathStyle: true,",
        '  credentials: { accessKeyId: "111122223333", secretAccessKey: "test" },',
        "});",
        "const s3EuWest1Other = new S3Client({",
        '  region: "eu-west-1",',
        '  endpoint: "http://127.0.0.1:4567",',
        "  forcePathStyle: true,",
        '  credentials: { accessKeyId: "444455556666", secretAccessKey: "test" },',
        "});",
        "const s3UsEast1 = new S3Client({",
        '  region: "us-east-1",',
        '  endpoint: "http://127.0.0.1:4567",',
        "  forcePathStyle: true,",
        '  credentials: { accessKeyId: "111122223333", secretAccessKey: "test" },',
        "});",
        "",
        "// You give the name up",
        'const output1 = await s3EuWest1.send(new DeleteBucketCommand({ Bucket: "s3t-claim" }));',
        "console.log(output1);",
        "",
        "// Another account takes it",
        'const output2 = await s3EuWest1Other.send(new CreateBucketCommand({ Bucket: "s3t-claim" }));',
        "console.log(output2);",
        "",
        "// Expected to fail with Forbidden (403)",
        "try {",
        '  await s3EuWest1.send(new HeadBucketCommand({ Bucket: "s3t-claim" }));',
        "} catch (error) {",
        '  console.log("Failed as expected:", (error as Error).name);',
        "}",
        "",
        'const output4 = await s3UsEast1.send(new GetObjectCommand({ Bucket: "s3t-claim", Key: "a.txt" }));',
        "console.log(await output4.Body?.transformToString());",
      ].join("\n"),
    );
  });

  it("CLI to paste: each command names its identity's keys; a blank line between calls", () => {
    expect(stepCode(actions.slice(0, 3), sandbox, { width: 80 }).cli).toBe(
      [
        "# You give the name up",
        "AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test \\",
        "    aws s3api delete-bucket \\",
        "    --bucket s3t-claim \\",
        "    --endpoint-url http://127.0.0.1:4567 \\",
        "    --region eu-west-1",
        "",
        "# Another account takes it",
        "AWS_ACCESS_KEY_ID=444455556666 AWS_SECRET_ACCESS_KEY=test \\",
        "    aws s3api create-bucket \\",
        "    --bucket s3t-claim \\",
        "    --create-bucket-configuration LocationConstraint=eu-west-1 \\",
        "    --endpoint-url http://127.0.0.1:4567 \\",
        "    --region eu-west-1",
        "",
        "# Expected to fail with Forbidden (403)",
        "AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test \\",
        "    aws s3api head-bucket \\",
        "    --bucket s3t-claim \\",
        "    --endpoint-url http://127.0.0.1:4567 \\",
        "    --region eu-west-1",
      ].join("\n"),
    );
  });

  it("CLI script: #!/bin/sh, set -e, the identity on lines of its own, and a failure the step expects does not stop it", () => {
    expect(stepCode(actions.slice(0, 3), sandbox, { width: 80, about: ["s3-tutor, lesson x: Give a name up"] }).cliScript).toBe(
      [
        "#!/bin/sh",
        "# s3-tutor, lesson x: Give a name up",
        "set -e",
        "export AWS_PAGER=",
        "",
        "export AWS_ACCESS_KEY_ID=111122223333",
        "export AWS_SECRET_ACCESS_KEY=test",
        "# You give the name up",
        "aws s3api delete-bucket \\",
        "    --bucket s3t-claim \\",
        "    --endpoint-url http://127.0.0.1:4567 \\",
        "    --region eu-west-1",
        "",
        "export AWS_ACCESS_KEY_ID=444455556666",
        "# Another account takes it",
        "aws s3api create-bucket \\",
        "    --bucket s3t-claim \\",
        "    --create-bucket-configuration LocationConstraint=eu-west-1 \\",
        "    --endpoint-url http://127.0.0.1:4567 \\",
        "    --region eu-west-1",
        "",
        "export AWS_ACCESS_KEY_ID=111122223333",
        "# Expected to fail with Forbidden (403)",
        "aws s3api head-bucket \\",
        "    --bucket s3t-claim \\",
        "    --endpoint-url http://127.0.0.1:4567 \\",
        "    --region eu-west-1 \\",
        "    || true",
        "",
      ].join("\n"),
    );
  });

  it("on real AWS the script leaves the learner's credentials alone, and unsets a profile it set for another identity", () => {
    const real = stubTarget({ name: "aws", endpoint: undefined, identities: ["default", "auditor"], cliEnvironment: () => ({ AWS_PROFILE: "auditor" }) });
    const script = stepCode([{ call: "sts:GetCallerIdentity", as: "auditor" }, { call: "sts:GetCallerIdentity" }], real, { width: 80 }).cliScript;
    expect(script).toContain("\nexport AWS_PROFILE=auditor\naws sts get-caller-identity --region eu-west-1\n\nunset AWS_PROFILE\naws sts get-caller-identity --region eu-west-1\n");
  });

  it("a body with line breaks is written by one printf, on one line", () => {
    const { cli } = stepCode([{ call: "s3:PutObject", input: { Bucket: "b", Key: "r.csv", Body: "month,gb\njan,120\n" } }], sandbox, { width: 160 });
    expect(cli.split("\n")[0]).toBe("printf 'month,gb\\njan,120\\n' > r.csv");
  });
});

describe("every shipped hands-on step, as code", async () => {
  const content = await shippedCatalog();
  const steps = content.lessons.flatMap(({ lesson }) =>
    lesson.steps.filter(isHandsOnStep).flatMap((step, index) =>
      [sandbox, aws].map((target) => ({ name: `${lesson.id} #${index + 1} on ${target.name}`, step: stepFor(step.handsOn, target), target })),
    ),
  );
  const codeFor = async (step: (typeof steps)[number]["step"], target: Target, width: number) => {
    const variables = await targetVariables(target);
    return stepCode(
      step.solve.map((action) => renderAction(action, variables, "keep")),
      target,
      { width, stepIdentity: step.as, about: [`${step.title}`] },
    );
  };

  it("has steps to look at", () => expect(steps.length).toBeGreaterThan(20));

  for (const width of [40, 80, 160]) {
    it(`at ${width} columns: the CLI splits only between words, and the script runs the same commands as the code shown`, async () => {
      for (const { name, step, target } of steps) {
        const code = await codeFor(step, target, width);
        expect(breaksInsideQuotes(code.cli), name).toEqual([]);
        for (const line of code.cli.split("\n")) {
          // Only one word too wide for any line may overflow, alone on its line.
          if (line.length > width && !line.startsWith("#")) expect(isOneWord(line), `${name}: ${line}`).toBe(true);
        }
        const pasted = commandsOf(code.cli).map((command) => command.replace(ENVIRONMENT_PREFIX, ""));
        const scripted = commandsOf(code.cliScript)
          .filter((line) => !/^(set -e|export |unset )/.test(line))
          .map((command) => command.replace(/ \|\| true$/, ""));
        expect(scripted, name).toEqual(pasted);
        expect(code.cliScript.startsWith("#!/bin/sh\n"), name).toBe(true);
        if (shAvailable) {
          expect(await shSyntaxError(code.cli), `${name}: the code shown`).toBeUndefined();
          expect(await shSyntaxError(code.cliScript), `${name}: the script`).toBeUndefined();
        }
      }
    });
  }

  it("the TypeScript of every step, at 40 and 100 columns, type-checks against the installed SDK", async () => {
    const programs: Record<string, string> = {};
    for (const { name, step, target } of steps) {
      for (const width of [40, 100]) programs[`${name} at ${width}`] = (await codeFor(step, target, width)).typescript;
    }
    expect(typecheckPrograms(programs)).toEqual({});
  }, 60_000);
});
