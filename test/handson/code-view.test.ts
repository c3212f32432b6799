import { describe, expect, it } from "vitest";
import type { Action } from "../../src/content/schema/lesson";
import { stepCode } from "../../src/handson/code-view";
import type { Target } from "../../src/targets/target";
import { stubTarget } from "./stub-target";

/** One action's code with no width to fit: each command on one line. */
const codeView = (action: Action, target: Target, stepIdentity?: string) => stepCode([action], target, { width: Number.POSITIVE_INFINITY, stepIdentity });

const sandbox = stubTarget();
const aws = stubTarget({
  name: "aws",
  endpoint: undefined,
  identities: ["default"],
  // A misbehaving target: the code view must still never print a real secret.
  cliEnvironment: () => ({ AWS_PROFILE: "learner", AWS_ACCESS_KEY_ID: "AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI", AWS_SESSION_TOKEN: "token" }),
});

describe("code views: AWS CLI", () => {
  it("create-bucket with a shorthand structure, the endpoint and the region", () => {
    const view = codeView({ call: "s3:CreateBucket", input: { Bucket: "s3t-data", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } } }, sandbox);
    expect(view.cli).toBe(
      "AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws s3api create-bucket --bucket s3t-data --create-bucket-configuration LocationConstraint=eu-west-1 --endpoint-url http://127.0.0.1:4567 --region eu-west-1",
    );
  });

  it("acts as another identity through environment variables, and says which error to expect", () => {
    const view = codeView({ call: "s3:CreateBucket", input: { Bucket: "s3t-data" }, expectError: { code: "BucketAlreadyExists", status: 409 } }, sandbox, "other");
    expect(view.cli).toBe(
      "# Expected to fail with BucketAlreadyExists (409)\nAWS_ACCESS_KEY_ID=444455556666 AWS_SECRET_ACCESS_KEY=test aws s3api create-bucket --bucket s3t-data --create-bucket-configuration LocationConstraint=eu-west-1 --endpoint-url http://127.0.0.1:4567 --region eu-west-1",
    );
  });

  it("create-bucket spells out the LocationConstraint the SDK adds outside us-east-1 (the CLI does not add it)", () => {
    expect(codeView({ call: "s3:CreateBucket", input: { Bucket: "b" }, region: "us-east-1" }, sandbox).cli).toBe(
      "AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws s3api create-bucket --bucket b --endpoint-url http://127.0.0.1:4567 --region us-east-1",
    );
  });

  it("create-role with the policy as single-quoted JSON and tags as shorthand", () => {
    const view = codeView(
      {
        call: "iam:CreateRole",
        input: {
          RoleName: "s3t-replication",
          AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] },
          Tags: [{ Key: "s3-tutor", Value: "s3t" }],
        },
      },
      sandbox,
    );
    expect(view.cli).toBe(
      `AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws iam create-role --role-name s3t-replication --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"sts:AssumeRole"}]}' --tags Key=s3-tutor,Value=s3t --endpoint-url http://127.0.0.1:4567 --region eu-west-1`,
    );
  });

  it("get-caller-identity on real AWS: no endpoint", () => {
    expect(codeView({ call: "sts:GetCallerIdentity" }, aws).cli).toBe("aws sts get-caller-identity --region eu-west-1");
  });

  it("put-object writes the body to a file first; booleans become --flag / --no-flag", () => {
    const view = codeView(
      { call: "s3:PutObject", input: { Bucket: "s3t-data", Key: "notes/hello.txt", Body: "hello, it's me", ContentMD5: "XUFAKrxLKna5cZ2REBfFkg==", BucketKeyEnabled: false } },
      sandbox,
    );
    expect(view.cli).toBe(
      [
        "printf '%s' 'hello, it'\\''s me' > hello.txt",
        "AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws s3api put-object --bucket s3t-data --key notes/hello.txt --body hello.txt --content-md5 XUFAKrxLKna5cZ2REBfFkg== --no-bucket-key-enabled --endpoint-url http://127.0.0.1:4567 --region eu-west-1",
      ].join("\n"),
    );
  });

  it("get-object names an output file; the action's region wins", () => {
    const view = codeView({ call: "s3:GetObject", input: { Bucket: "s3t-data", Key: "notes/hello.txt" }, region: "us-west-2" }, sandbox);
    expect(view.cli).toBe("AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws s3api get-object --bucket s3t-data --key notes/hello.txt downloaded-hello.txt --endpoint-url http://127.0.0.1:4567 --region us-west-2");
  });

  it("nested structures as JSON, numbers bare, list-objects-v2", () => {
    expect(codeView({ call: "s3:ListObjectsV2", input: { Bucket: "s3t-data", Prefix: "notes/", MaxKeys: 10 } }, sandbox).cli).toBe(
      "AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws s3api list-objects-v2 --bucket s3t-data --prefix notes/ --max-keys 10 --endpoint-url http://127.0.0.1:4567 --region eu-west-1",
    );
    expect(codeView({ call: "s3:PutBucketTagging", input: { Bucket: "b", Tagging: { TagSet: [{ Key: "team", Value: "data eng" }] } } }, sandbox).cli).toBe(
      `AWS_ACCESS_KEY_ID=111122223333 AWS_SECRET_ACCESS_KEY=test aws s3api put-bucket-tagging --bucket b --tagging '{"TagSet":[{"Key":"team","Value":"data eng"}]}' --endpoint-url http://127.0.0.1:4567 --region eu-west-1`,
    );
  });

  it("never prints a real account's secret", () => {
    const view = codeView({ call: "sts:GetCallerIdentity", as: "auditor" }, aws);
    expect(view.cli).toBe("AWS_PROFILE=learner AWS_ACCESS_KEY_ID=AKIAEXAMPLE aws sts get-caller-identity --region eu-west-1");
    expect(`${view.cli}\n${view.typescript}`).not.toMatch(/wJalrXUtnFEMI|token/);
  });
});

describe("code views: TypeScript SDK", () => {
  it("imports the command, builds the client for the emulator with the learner's keys, and sends", () => {
    const view = codeView({ call: "s3:CreateBucket", input: { Bucket: "s3t-data", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } } }, sandbox);
    expect(view.typescript).toBe(
      [
        'import { S3Client, CreateBucketCommand } from "@aws-sdk/client-s3";',
        "",
        "const client = new S3Client({",
        '  region: "eu-west-1",',
        '  endpoint: "http://127.0.0.1:4567",',
        "  forcePathStyle: true,",
        '  credentials: { accessKeyId: "111122223333", secretAccessKey: "test" },',
        "});",
        "",
        "const output = await client.send(new CreateBucketCommand({",
        '  Bucket: "s3t-data",',
        '  CreateBucketConfiguration: { LocationConstraint: "eu-west-1" },',
        "}));",
        "console.log(output);",
      ].join("\n"),
    );
  });

  it("signs as the other identity and says which error to expect", () => {
    const view = codeView({ call: "s3:CreateBucket", as: "other", input: { Bucket: "s3t-data" }, expectError: { code: "BucketAlreadyExists", status: 409 } }, sandbox);
    expect(view.typescript).toBe(
      [
        'import { S3Client, CreateBucketCommand } from "@aws-sdk/client-s3";',
        "",
        "const client = new S3Client({",
        '  region: "eu-west-1",',
        '  endpoint: "http://127.0.0.1:4567",',
        "  forcePathStyle: true,",
        '  credentials: { accessKeyId: "444455556666", secretAccessKey: "test" },',
        "});",
        "",
        "// Expected to fail with BucketAlreadyExists (409)",
        'await client.send(new CreateBucketCommand({ Bucket: "s3t-data" }));',
      ].join("\n"),
    );
  });

  it("shows a policy written as an object as JSON.stringify of it; no path style outside S3", () => {
    const view = codeView(
      {
        call: "iam:CreateRole",
        input: {
          RoleName: "s3t-replication",
          AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] },
        },
      },
      sandbox,
    );
    expect(view.typescript).toBe(
      [
        'import { IAMClient, CreateRoleCommand } from "@aws-sdk/client-iam";',
        "",
        "const client = new IAMClient({",
        '  region: "eu-west-1",',
        '  endpoint: "http://127.0.0.1:4567",',
        '  credentials: { accessKeyId: "111122223333", secretAccessKey: "test" },',
        "});",
        "",
        "const output = await client.send(new CreateRoleCommand({",
        '  RoleName: "s3t-replication",',
        "  AssumeRolePolicyDocument: JSON.stringify({",
        '    Version: "2012-10-17",',
        "    Statement: [",
        '      { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" },',
        "    ],",
        "  }),",
        "}));",
        "console.log(output);",
      ].join("\n"),
    );
  });

  it("on real AWS: region only, and GetObject prints the body", () => {
    expect(codeView({ call: "s3:GetObject", input: { Bucket: "b", Key: "k" } }, aws).typescript).toBe(
      [
        'import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";',
        "",
        'const client = new S3Client({ region: "eu-west-1" });',
        "",
        'const output = await client.send(new GetObjectCommand({ Bucket: "b", Key: "k" }));',
        "console.log(await output.Body?.transformToString());",
      ].join("\n"),
    );
  });

  it("a Multi-Region Access Point's ARN as the bucket loads the SigV4A signer; S3 Control has its own client", () => {
    const arn = "arn:aws:s3::111122223333:accesspoint/mfzwi23gnjvgw.mrap";
    const code = stepCode(
      [
        { call: "s3control:GetMultiRegionAccessPointRoutes", region: "us-west-2", input: { AccountId: "111122223333", Mrap: arn } },
        { call: "s3:GetObject", input: { Bucket: arn, Key: "where.txt" } },
      ],
      aws,
      { width: Number.POSITIVE_INFINITY },
    ).typescript;
    expect(code).toMatch(/import \{\s+S3ControlClient,\s+GetMultiRegionAccessPointRoutesCommand,\s+\} from "@aws-sdk\/client-s3-control";/);
    expect(code).toContain('import "@aws-sdk/signature-v4a";');
    expect(code).toContain('new S3ControlClient({ region: "us-west-2" })');
    expect(codeView({ call: "s3:GetObject", input: { Bucket: "b", Key: "k" } }, aws).typescript).not.toContain("signature-v4a");
  });
});
