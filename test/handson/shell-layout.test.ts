import { describe, expect, it } from "vitest";
import { cliCommandUnits, environmentUnits, type CliCall } from "../../src/handson/cli-command";
import { layoutCommand, oneLine, type Unit } from "../../src/handson/shell-layout";
import { breaksInsideQuotes, isOneWord, joinContinuations, shAvailable, shSyntaxError, shWords } from "./helpers/shell";

const sandboxCall = (call: Partial<CliCall> & Pick<CliCall, "service" | "operation">): CliCall => ({
  input: undefined,
  region: "eu-west-1",
  endpoint: "http://127.0.0.1:45678",
  environment: { AWS_ACCESS_KEY_ID: "111122223333", AWS_SECRET_ACCESS_KEY: "test" },
  ...call,
});

/** The aws command with its identity's environment in front, as the code view shows it. */
const pasted = (call: CliCall): Unit[] => {
  const { command, environment } = cliCommandUnits(call);
  return [...environmentUnits(environment), ...command];
};

const replicationRule = {
  Role: "arn:aws:iam::111122223333:role/s3t-replication",
  Rules: [{ ID: "everything", Status: "Enabled", Priority: 1, Filter: {}, DeleteMarkerReplication: { Status: "Disabled" }, Destination: { Bucket: "arn:aws:s3:::s3t-dst" } }],
};

const COMMANDS: Record<string, Unit[]> = {
  "create-bucket, as the learner": pasted(
    sandboxCall({ service: "s3", operation: "CreateBucket", input: { Bucket: "s3t-claim", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } } }),
  ),
  "create-role with a policy as JSON and tags": pasted(
    sandboxCall({
      service: "iam",
      operation: "CreateRole",
      input: {
        RoleName: "s3t-replication",
        AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] },
        Tags: [{ Key: "s3-tutor", Value: "s3t" }],
      },
    }),
  ),
  "put-bucket-replication with an ARN in JSON": pasted(
    sandboxCall({ service: "s3", operation: "PutBucketReplication", input: { Bucket: "s3t-src", ReplicationConfiguration: replicationRule } }),
  ),
  "a tag value with spaces and a quote": pasted(
    sandboxCall({ service: "s3", operation: "PutBucketTagging", input: { Bucket: "b", Tagging: { TagSet: [{ Key: "team", Value: "data eng's \"best\" $HOME" }] } } }),
  ),
  "get-object with its output file": pasted(sandboxCall({ service: "s3", operation: "GetObject", input: { Bucket: "s3t-data", Key: "notes/hello.txt" } })),
  "printf of a body with a quote": cliCommandUnits(
    sandboxCall({ service: "s3", operation: "PutObject", input: { Bucket: "b", Key: "hello.txt", Body: "hello, it's me and a rather long sentence after it" } }),
  ).before[0]!,
  "printf of a body with line breaks, % and a backslash": cliCommandUnits(
    sandboxCall({ service: "s3", operation: "PutObject", input: { Bucket: "b", Key: "r.csv", Body: "month,gb\njan,120 100% C:\\path\n" } }),
  ).before[0]!,
  "an argument wider than any width": [["aws", "s3api", "put-bucket-policy"], ["--bucket", "b"], ["--policy", `'${JSON.stringify({ Statement: Array.from({ length: 4 }, (_, n) => ({ Sid: `s${n}`, Resource: `arn:aws:s3:::b/${"k".repeat(20)}/*` })) })}'`]],
  "a failure the script expects": [...pasted(sandboxCall({ service: "s3", operation: "CreateBucket", region: "us-east-1", input: { Bucket: "s3t-taken" } })), ["||", "true"]],
};

const WIDTHS = [40, 80, 160];

describe("long CLI commands split with line continuations", () => {
  for (const [name, units] of Object.entries(COMMANDS)) {
    for (const width of WIDTHS) {
      it(`${name}, at ${width} columns: joined back, it is the command; no break inside quotes; lines fit unless one word is wider`, () => {
        const lines = layoutCommand(units, width);
        const text = lines.join("\n");
        expect(joinContinuations(text)).toBe(oneLine(units));
        expect(breaksInsideQuotes(text)).toEqual([]);
        const words = units.flat();
        lines.forEach((line, index) => {
          if (index > 0) expect(line.startsWith("    ")).toBe(true);
          if (index < lines.length - 1) expect(line.endsWith(" \\")).toBe(true);
          if (line.length > width) {
            // Only a word that cannot fit may overflow, and then it stands alone on its line.
            expect(isOneWord(line)).toBe(true);
            expect(words).toContain(line.trim().replace(/ \\$/, ""));
          }
        });
        if (oneLine(units).length <= width) expect(lines).toHaveLength(1);
      });
    }
  }

  it.skipIf(!shAvailable)("the shell reads the same words from every split command as from the one-line command", async () => {
    for (const units of Object.values(COMMANDS)) {
      const whole = await shWords(oneLine(units));
      for (const width of WIDTHS) {
        const text = layoutCommand(units, width).join("\n");
        expect(await shSyntaxError(text)).toBeUndefined();
        expect(await shWords(text)).toEqual(whole);
      }
    }
  });

  it("at 80 columns a command goes one option per line, the value under its flag when the pair is too wide", () => {
    const units = COMMANDS["create-bucket, as the learner"]!;
    expect(layoutCommand(units, 80)).toEqual([
      "AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test \\",
      "    aws s3api create-bucket \\",
      "    --bucket s3t-claim \\",
      "    --create-bucket-configuration LocationConstraint=eu-west-1 \\",
      "    --endpoint-url http://127.0.0.1:45678 \\",
      "    --region eu-west-1",
    ]);
    expect(layoutCommand(units, 40)).toEqual([
      "AWS_ACCESS_KEY_ID=111122223333 \\",
      "    AWS_SECRET_ACCESS_KEY=test \\",
      "    aws s3api create-bucket \\",
      "    --bucket s3t-claim \\",
      "    --create-bucket-configuration \\",
      "        LocationConstraint=eu-west-1 \\",
      "    --endpoint-url \\",
      "        http://127.0.0.1:45678 \\",
      "    --region eu-west-1",
    ]);
    expect(layoutCommand(units, oneLine(units).length)).toEqual([oneLine(units)]);
  });

  it("a quoted JSON argument stays whole on a line of its own", () => {
    const units = COMMANDS["put-bucket-replication with an ARN in JSON"]!;
    const lines = layoutCommand(units, 80);
    const json = units.find((unit) => unit[0] === "--replication-configuration")![1]!;
    expect(lines).toContain(`        ${json} \\`);
    expect(lines).toContain("    --replication-configuration \\");
  });
});
