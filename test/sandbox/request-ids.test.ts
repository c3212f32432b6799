import { ListBucketsCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { newHostId, newRequestId } from "../../src/sandbox/http/ids";
import { useSandbox } from "../helpers/sandbox";

const { clients } = useSandbox();

describe("request ids", () => {
  it("every answer has its own x-amz-request-id and x-amz-id-2, shaped as S3's", async () => {
    const s3 = clients().s3();
    const answers = await Promise.all(Array.from({ length: 20 }, () => s3.send(new ListBucketsCommand({}))));
    const requestIds = answers.map((answer) => answer.$metadata.requestId);
    const hostIds = answers.map((answer) => answer.$metadata.extendedRequestId);
    for (const id of requestIds) expect(id).toMatch(/^[0-9A-F]{16}$/);
    for (const id of hostIds) expect(id).toMatch(/^[A-Za-z0-9+/]{64}$/);
    expect(new Set(requestIds).size).toBe(20);
    expect(new Set(hostIds).size).toBe(20);
  });

  it("do not repeat across many answers (the random pool refills)", () => {
    const ids = Array.from({ length: 5_000 }, () => `${newRequestId()} ${newHostId()}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.slice(0, 16))).size).toBe(ids.length);
  });
});
