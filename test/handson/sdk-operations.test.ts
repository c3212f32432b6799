import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadOperationChecker } from "../../src/handson/dispatch";
import { operationExists } from "../../src/handson/operation-exists";
import { operationsInSdk, renderSdkOperations } from "../../scripts/sdk-operations-source";

/** `validate` checks operation names against a list generated from the SDK, not the SDK itself. */
describe("the SDK's operations, as validate knows them", () => {
  it("are every <Operation>Command of the installed clients (after an SDK upgrade: node --import tsx scripts/gen-sdk-operations.ts)", { timeout: 60_000 }, async () => {
    const file = await readFile(new URL("../../src/handson/sdk-operations.ts", import.meta.url), "utf8");
    expect(file).toBe(renderSdkOperations(await operationsInSdk()));
  });

  it("answer as the SDK does, for its operations and for near misses", { timeout: 60_000 }, async () => {
    const sdk = await loadOperationChecker();
    const operations = await operationsInSdk();
    for (const service of ["s3", "iam", "sts", "s3control"] as const) {
      expect(operations[service].length).toBeGreaterThan(5);
      for (const operation of operations[service]) expect(operationExists(service, operation), `${service}:${operation}`).toBe(true);
      for (const wrong of ["createBucket", "CreateBucketCommand", "ListBucket", "PutObjects", "GetCallerIdentity", "Command", "", "$", "toString", "constructor"]) {
        expect(operationExists(service, wrong), `${service}:${wrong}`).toBe(sdk(service, wrong));
      }
    }
  });
});
