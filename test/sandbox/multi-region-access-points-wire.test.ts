import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateBucketCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { CreateMultiRegionAccessPointCommand, GetMultiRegionAccessPointCommand, GetMultiRegionAccessPointRoutesCommand, SubmitMultiRegionAccessPointRoutesCommand } from "@aws-sdk/client-s3-control";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, describe, expect, it } from "vitest";
import { NodeSha256 } from "../../src/sandbox/auth/node-sha256";
import { startSandbox, type Sandbox } from "../../src/sandbox/index";
import { ACCOUNT_A, SandboxClients } from "../helpers/sandbox";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An MRAP over `<name>-bucket` in us-east-1 and `<name>-far` in eu-west-1, READY. */
const makeReadyMrap = async (sandbox: Sandbox, name: string) => {
  const clients = new SandboxClients(sandbox);
  await clients.s3().send(new CreateBucketCommand({ Bucket: `${name}-bucket` }));
  await clients.s3({ region: "eu-west-1" }).send(new CreateBucketCommand({ Bucket: `${name}-far`, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
  const control = clients.s3control({ region: "us-west-2" });
  await control.send(
    new CreateMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Details: { Name: name, Regions: [{ Bucket: `${name}-bucket` }, { Bucket: `${name}-far` }] } }),
  );
  await later(80);
  const { AccessPoint } = await control.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: name }));
  return { control, alias: AccessPoint!.Alias! };
};

describe("Multi-Region Access Points on the wire", () => {
  it("refuses an object request to the MRAP signed with plain SigV4: it must be SigV4A", async () => {
    const sandbox = await startSandbox({ mrapDelayMs: 20 });
    try {
      const { alias } = await makeReadyMrap(sandbox, "sigv4-refused");
      const host = `${alias}.accesspoint.s3-global.amazonaws.com`;
      const signer = new SignatureV4({ service: "s3", region: "us-east-1", credentials: { accessKeyId: ACCOUNT_A, secretAccessKey: "test" }, sha256: NodeSha256, uriEscapePath: false });
      const signed = await signer.sign(new HttpRequest({ method: "GET", protocol: "http:", hostname: host, path: "/key", headers: { host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } }));
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const sent = request({ host: sandbox.host, port: sandbox.port, method: "GET", path: "/key", headers: signed.headers }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        });
        sent.on("error", reject);
        sent.end();
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toContain("<Code>InvalidRequest</Code>");
      expect(answer.body).toContain("SigV4A");
    } finally {
      await sandbox.close();
    }
  });

  it("refuses a SigV4A request whose signed header was changed after signing", async () => {
    const sandbox = await startSandbox({ mrapDelayMs: 20 });
    try {
      const { alias } = await makeReadyMrap(sandbox, "tampered");
      const client = new SandboxClients(sandbox).s3({ s3: { forcePathStyle: false } });
      // After the SDK signed (and dialed), a signed header changes on the way, as a proxy might change it.
      client.middlewareStack.add(
        (next) => async (args) => {
          (args.request as { headers: Record<string, string> }).headers["amz-sdk-invocation-id"] = "changed-in-transit";
          return next(args);
        },
        { step: "deserialize", priority: "low", name: "tamper" },
      );
      const refused = await client.send(new GetObjectCommand({ Bucket: `arn:aws:s3::${ACCOUNT_A}:accesspoint/${alias}`, Key: "k" })).then(
        () => "accepted",
        (error: Error & { $metadata?: { httpStatusCode?: number } }) => `${error.$metadata?.httpStatusCode} ${error.name}`,
      );
      expect(refused).toBe("403 SignatureDoesNotMatch");
    } finally {
      await sandbox.close();
    }
  });

  it("keeps MRAPs and their routes in the data directory across a restart", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "s3-tutor-mrap-"));
    dirs.push(dataDir);
    let sandbox = await startSandbox({ dataDir, mrapDelayMs: 20 });
    const { control, alias } = await makeReadyMrap(sandbox, "kept");
    const arn = `arn:aws:s3::${ACCOUNT_A}:accesspoint/${alias}`;
    await control.send(new SubmitMultiRegionAccessPointRoutesCommand({ AccountId: ACCOUNT_A, Mrap: arn, RouteUpdates: [{ Bucket: "kept-bucket", TrafficDialPercentage: 0 }] }));
    await sandbox.close();
    sandbox = await startSandbox({ dataDir });
    try {
      const again = new SandboxClients(sandbox).s3control({ region: "us-west-2" });
      const { AccessPoint } = await again.send(new GetMultiRegionAccessPointCommand({ AccountId: ACCOUNT_A, Name: "kept" }));
      expect(AccessPoint).toMatchObject({ Name: "kept", Alias: alias, Status: "READY" });
      const routes = await again.send(new GetMultiRegionAccessPointRoutesCommand({ AccountId: ACCOUNT_A, Mrap: arn }));
      expect(routes.Routes).toEqual([
        { Bucket: "kept-bucket", Region: "us-east-1", TrafficDialPercentage: 0 },
        { Bucket: "kept-far", Region: "eu-west-1", TrafficDialPercentage: 100 },
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
