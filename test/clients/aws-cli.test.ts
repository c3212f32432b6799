import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RequestLogEntry } from "../../src/sandbox/index";
import { errorCode } from "../helpers/raw";
import { uniqueBucket, useSandbox } from "../helpers/sandbox";
import { aws, pythonClients, type Run } from "./helpers/python-clients";

/** GETs a URL with curl, as a learner would, and returns the status and body. */
const curl = (url: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    execFile("curl", ["--silent", "--show-error", "--write-out", "\n%{http_code}", url], (error, stdout) => {
      if (error) return reject(error);
      const cut = stdout.lastIndexOf("\n");
      resolve({ status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) });
    });
  });

// The AWS CLI (v1, from PyPI) against a started sandbox, as a learner pastes its commands.
const requests: RequestLogEntry[] = [];
const { sandbox } = useSandbox({ onRequest: (entry) => requests.push(entry) });
const cli = (args: string[], options: { region?: string; cwd?: string } = {}): Promise<Run> =>
  aws({ endpoint: sandbox().endpoint, ...(options.region ? { region: options.region } : {}) }, [...args], options.cwd);
const ok = async (args: string[], options: { region?: string; cwd?: string } = {}): Promise<string> => {
  const run = await cli(args, options);
  if (run.code !== 0) throw new Error(`aws ${args.join(" ")} exited ${run.code}:\n${run.stderr}`);
  return run.stdout;
};
const scratch = () => mkdtempSync(join(tmpdir(), "s3-tutor-cli-"));
const md5 = (data: Buffer) => createHash("md5").update(data).digest();
/** The operations the sandbox served for requests whose path starts with this bucket. */
const operationsOn = (bucket: string) => requests.filter((entry) => entry.path.startsWith(`/${bucket}`)).map((entry) => entry.operation);
/** The keys under sync/ that "upload:" or "download:" lines name, sorted. */
const transferred = (stdout: string, verb: "upload" | "download") =>
  stdout
    .split("\n")
    .filter((line) => line.startsWith(`${verb}: `))
    .map((line) => /s3:\/\/[^/]+\/sync\/(\S+)/.exec(line)?.[1] ?? line)
    .sort();

describe.skipIf(!pythonClients.available)(`the AWS CLI against the sandbox ${pythonClients.reason}`, { timeout: 120_000 }, () => {
  it("aws s3 mb makes a bucket and aws s3 ls lists it", async () => {
    const bucket = uniqueBucket("cli-mb");
    expect(await ok(["s3", "mb", `s3://${bucket}`])).toBe(`make_bucket: ${bucket}\n`);
    expect(await ok(["s3", "ls"])).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ${bucket}$`, "m"));
  });

  it("aws s3 cp copies a small file up and back byte for byte, and aws s3 ls shows it", async () => {
    const bucket = uniqueBucket("cli-small");
    const dir = scratch();
    const data = randomBytes(3000);
    writeFileSync(join(dir, "small.bin"), data);
    await ok(["s3", "mb", `s3://${bucket}`]);
    expect(await ok(["s3", "cp", "--no-progress", "small.bin", `s3://${bucket}/docs/small.bin`], { cwd: dir })).toBe(
      `upload: ./small.bin to s3://${bucket}/docs/small.bin\n`,
    );
    await ok(["s3", "cp", "--no-progress", `s3://${bucket}/docs/small.bin`, "back.bin"], { cwd: dir });
    expect(readFileSync(join(dir, "back.bin")).equals(data)).toBe(true);

    expect(await ok(["s3", "ls", `s3://${bucket}`])).toBe("                           PRE docs/\n");
    expect(await ok(["s3", "ls", `s3://${bucket}/docs/`])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {7}3000 small\.bin\n$/);
  });

  it("aws s3 cp of a 20 MiB file goes multipart in 8 MiB parts and comes back byte for byte", async () => {
    const bucket = uniqueBucket("cli-big");
    const dir = scratch();
    const data = randomBytes(20 * 1024 * 1024);
    writeFileSync(join(dir, "big.bin"), data);
    await ok(["s3", "mb", `s3://${bucket}`]);
    await ok(["s3", "cp", "--no-progress", "big.bin", `s3://${bucket}/big.bin`], { cwd: dir });

    const operations = operationsOn(bucket);
    expect(operations.filter((operation) => operation === "UploadPart")).toHaveLength(3);
    expect(operations).toContain("CreateMultipartUpload");
    expect(operations).toContain("CompleteMultipartUpload");
    expect(operations).not.toContain("PutObject");

    const head = JSON.parse(await ok(["s3api", "head-object", "--bucket", bucket, "--key", "big.bin", "--checksum-mode", "ENABLED"]));
    const mib8 = 8 * 1024 * 1024;
    const parts = [data.subarray(0, mib8), data.subarray(mib8, 2 * mib8), data.subarray(2 * mib8)];
    const md5OfMd5s = createHash("md5").update(Buffer.concat(parts.map(md5))).digest("hex");
    expect(head.ETag).toBe(`"${md5OfMd5s}-3"`);
    expect(head.ContentLength).toBe(data.length);
    // The CLI asks for CRC32: the object's checksum is the composite of the three part checksums.
    expect(head.ChecksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==-3$/);
    expect(head.ChecksumType).toBe("COMPOSITE");

    await ok(["s3", "cp", "--no-progress", `s3://${bucket}/big.bin`, "back.bin"], { cwd: dir });
    expect(readFileSync(join(dir, "back.bin")).equals(data)).toBe(true);

    // Between buckets the CLI copies a large object part by part on the server (UploadPartCopy).
    const other = uniqueBucket("cli-big-copy");
    await ok(["s3", "mb", `s3://${other}`]);
    await ok(["s3", "cp", "--no-progress", `s3://${bucket}/big.bin`, `s3://${other}/copy.bin`]);
    expect(operationsOn(other).filter((operation) => operation === "UploadPartCopy")).toHaveLength(3);
    await ok(["s3", "cp", "--no-progress", `s3://${other}/copy.bin`, "copy.bin"], { cwd: dir });
    expect(readFileSync(join(dir, "copy.bin")).equals(data)).toBe(true);
  });

  it("aws s3 sync copies everything once, then only what changed, both ways", async () => {
    const bucket = uniqueBucket("cli-sync");
    const local = scratch();
    mkdirSync(join(local, "sub"));
    writeFileSync(join(local, "a.txt"), "alpha");
    writeFileSync(join(local, "b.txt"), "bravo");
    writeFileSync(join(local, "sub", "c.txt"), "charlie");
    await ok(["s3", "mb", `s3://${bucket}`]);
    const up = () => ok(["s3", "sync", "--no-progress", ".", `s3://${bucket}/sync`], { cwd: local });

    expect(transferred(await up(), "upload")).toEqual(["a.txt", "b.txt", "sub/c.txt"]);
    expect(await up()).toBe("");
    // Same size, newer time: sync compares size and modification time, as on AWS.
    writeFileSync(join(local, "b.txt"), "BRAVO");
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(local, "b.txt"), later, later);
    writeFileSync(join(local, "d.txt"), "delta");
    expect(transferred(await up(), "upload")).toEqual(["b.txt", "d.txt"]);

    const copy = scratch();
    const down = () => ok(["s3", "sync", "--no-progress", `s3://${bucket}/sync`, "."], { cwd: copy });
    expect(transferred(await down(), "download")).toEqual(["a.txt", "b.txt", "d.txt", "sub/c.txt"]);
    expect(await down()).toBe("");
    writeFileSync(join(local, "a.txt"), "alpha, changed");
    await ok(["s3", "cp", "--no-progress", "a.txt", `s3://${bucket}/sync/a.txt`], { cwd: local });
    expect(await down()).toBe(`download: s3://${bucket}/sync/a.txt to ./a.txt\n`);
    for (const name of ["a.txt", "b.txt", "d.txt", join("sub", "c.txt")]) {
      expect(readFileSync(join(copy, name), "utf8")).toBe(readFileSync(join(local, name), "utf8"));
    }
  });

  it("aws s3 presign makes a URL that anyone can fetch until it expires", async () => {
    const bucket = uniqueBucket("cli-presign");
    const dir = scratch();
    writeFileSync(join(dir, "report.txt"), "quarterly numbers");
    await ok(["s3", "mb", `s3://${bucket}`]);
    await ok(["s3", "cp", "--no-progress", "report.txt", `s3://${bucket}/report.txt`], { cwd: dir });

    // In us-east-1 the CLI v1 still signs presigned URLs with SigV2, which S3 accepts there.
    const url = (await ok(["s3", "presign", `s3://${bucket}/report.txt`, "--expires-in", "60"])).trim();
    expect(new URL(url).searchParams.has("AWSAccessKeyId")).toBe(true);
    // Fetched as a learner would paste it: with curl, no credentials.
    const fetched = await curl(url);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toBe("quarterly numbers");

    const tampered = new URL(url);
    tampered.pathname = `/${bucket}/other.txt`;
    const refused = await fetch(tampered);
    expect(refused.status).toBe(403);
    expect(errorCode(await refused.text())).toBe("SignatureDoesNotMatch");

    const shortLived = (await ok(["s3", "presign", `s3://${bucket}/report.txt`, "--expires-in", "1"])).trim();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const expired = await curl(shortLived);
    expect(expired.status).toBe(403);
    const body = expired.body;
    expect(errorCode(body)).toBe("AccessDenied");
    expect(body).toContain("<Message>Request has expired</Message>");
  });

  it("aws s3 presign in a region launched after 2014 signs with SigV4, and the URL works", async () => {
    const bucket = uniqueBucket("cli-presign-v4");
    const dir = scratch();
    writeFileSync(join(dir, "f.txt"), "from frankfurt");
    await ok(["s3", "mb", `s3://${bucket}`], { region: "eu-central-1" });
    await ok(["s3", "cp", "--no-progress", "f.txt", `s3://${bucket}/f.txt`], { region: "eu-central-1", cwd: dir });
    const url = (await ok(["s3", "presign", `s3://${bucket}/f.txt`], { region: "eu-central-1" })).trim();
    expect(new URL(url).searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(await (await fetch(url)).text()).toBe("from frankfurt");
  });

  it("aws s3api create-bucket outside us-east-1 needs the LocationConstraint, as on AWS", async () => {
    const bucket = uniqueBucket("cli-eu");
    const missing = await cli(["s3api", "create-bucket", "--bucket", bucket], { region: "eu-west-1" });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("IllegalLocationConstraintException");

    const created = JSON.parse(
      await ok(
        ["s3api", "create-bucket", "--bucket", bucket, "--create-bucket-configuration", "LocationConstraint=eu-west-1"],
        { region: "eu-west-1" },
      ),
    );
    expect(created.Location).toBe(`http://${bucket}.s3.amazonaws.com/`);
    const location = JSON.parse(await ok(["s3api", "get-bucket-location", "--bucket", bucket], { region: "eu-west-1" }));
    expect(location.LocationConstraint).toBe("eu-west-1");
  });

  it("aws s3 rb --force empties and removes an unversioned bucket", async () => {
    const bucket = uniqueBucket("cli-rb");
    const dir = scratch();
    writeFileSync(join(dir, "x.txt"), "x");
    await ok(["s3", "mb", `s3://${bucket}`]);
    await ok(["s3", "cp", "--no-progress", "x.txt", `s3://${bucket}/x.txt`], { cwd: dir });
    expect(await ok(["s3", "rb", "--force", `s3://${bucket}`])).toBe(`delete: s3://${bucket}/x.txt\nremove_bucket: ${bucket}\n`);
    expect(await ok(["s3", "ls"])).not.toContain(bucket);
  });

  it("aws s3 rb --force on a versioned bucket leaves the old versions, and DeleteBucket says BucketNotEmpty", async () => {
    const bucket = uniqueBucket("cli-rb-versioned");
    const dir = scratch();
    writeFileSync(join(dir, "x.txt"), "x");
    await ok(["s3", "mb", `s3://${bucket}`]);
    await ok(["s3api", "put-bucket-versioning", "--bucket", bucket, "--versioning-configuration", "Status=Enabled"]);
    await ok(["s3", "cp", "--no-progress", "x.txt", `s3://${bucket}/x.txt`], { cwd: dir });

    const rb = await cli(["s3", "rb", "--force", `s3://${bucket}`]);
    expect(rb.code).toBe(1);
    expect(rb.stdout).toContain(`delete: s3://${bucket}/x.txt`);
    expect(rb.stderr).toContain(
      `remove_bucket failed: s3://${bucket} An error occurred (BucketNotEmpty) when calling the DeleteBucket operation: The bucket you tried to delete is not empty. You must delete all versions in the bucket.`,
    );
    const versions = JSON.parse(await ok(["s3api", "list-object-versions", "--bucket", bucket]));
    expect(versions.Versions).toHaveLength(1);
    expect(versions.DeleteMarkers).toHaveLength(1);
    expect(await ok(["s3", "ls"])).toContain(bucket);
  });

  it("aws iam simulate-principal-policy says a role may replicate, and which inline policy says so", async () => {
    const role = `cli-sim-${process.pid}`;
    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] };
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:Replicate*", Resource: "arn:aws:s3:::dst/*" }] };
    const arn = JSON.parse(await ok(["iam", "create-role", "--role-name", role, "--assume-role-policy-document", JSON.stringify(trust)])).Role.Arn;
    await ok(["iam", "put-role-policy", "--role-name", role, "--policy-name", "replicate", "--policy-document", JSON.stringify(policy)]);
    const answer = JSON.parse(
      await ok(["iam", "simulate-principal-policy", "--policy-source-arn", arn, "--action-names", "s3:ReplicateObject", "s3:PutObject", "--resource-arns", "arn:aws:s3:::dst/a"]),
    );
    expect(answer.EvaluationResults.map((result: { EvalDecision: string }) => result.EvalDecision)).toEqual(["allowed", "implicitDeny"]);
    expect(answer.EvaluationResults[0].MatchedStatements).toEqual([
      { SourcePolicyId: `role_${role}_replicate`, SourcePolicyType: "IAM Policy", StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 113 } },
    ]);
  });
});
