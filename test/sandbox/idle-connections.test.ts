import { ListBucketsCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { useSandbox } from "../helpers/sandbox";

const { clients, sandbox } = useSandbox();

describe("idle keep-alive connections", () => {
  // The AWS SDK's agent keeps idle connections with no timeout of its own; a server that closes them
  // after Node's default 5 s races the next request, which then fails with ECONNRESET.
  it("are kept a minute, and the server says so, so a client pausing between requests is not cut off", async () => {
    const answer = await fetch(`${sandbox().endpoint}/`);
    await answer.arrayBuffer();
    expect(answer.headers.get("keep-alive")).toBe("timeout=60");
    await expect(clients().s3().send(new ListBucketsCommand({}))).resolves.toBeDefined();
  });

  it("are closed with the sandbox, so stopping it does not wait for them", async () => {
    const started = Date.now();
    await sandbox().close();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
