import { describe, expect, it } from "vitest";
import { createTarget } from "../../src/targets/create-target";
import { TargetError } from "../../src/targets/target";
import { useStateDir } from "./helpers/aws-on-sandbox";

useStateDir();

describe("createTarget", () => {
  it("sandbox: every capability, two accounts, eu-west-1 and a different second region", async () => {
    const target = await createTarget({ target: "sandbox" });
    expect(target.name).toBe("sandbox");
    expect([...target.capabilities].sort()).toEqual([
      "blockPublicAccess",
      "lifecycleRules",
      "multiRegionAccessPoints",
      "policySimulation",
      "regionRedirect",
      "replication",
      "requesterPays",
      "reservedNames",
      "secondAccount",
    ]);
    expect(target.region).toBe("eu-west-1");
    expect(target.otherRegion).toBe("us-west-2");
    expect((await createTarget({ target: "sandbox", region: "us-west-2" })).otherRegion).not.toBe("us-west-2");
    await target.close();
  });

  it("localstack: path-style test credentials, a second account, a remembered prefix, no SDK call yet", async () => {
    const target = await createTarget({ target: "localstack" });
    expect(target.name).toBe("localstack");
    expect(target.endpoint).toBe("http://localhost:4566");
    expect([...target.capabilities]).toEqual(["secondAccount"]);
    expect(target.identities).toEqual(["default", "other"]);
    expect(target.region).toBe("eu-west-1");
    expect(target.otherRegion).not.toBe(target.region);
    expect(target.prefix).toMatch(/^s3t-[a-z0-9]{6}$/);
    expect(target.cliEnvironment("default")).toEqual({ AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" });
    expect(target.cliEnvironment("other")).toEqual({ AWS_ACCESS_KEY_ID: "444455556666", AWS_SECRET_ACCESS_KEY: "test" });
    expect((await createTarget({ target: "localstack" })).prefix).toBe(target.prefix);
    await target.close();
  });

  it("localstack: --endpoint, --region and --prefix", async () => {
    const target = await createTarget({ target: "localstack", endpoint: "http://127.0.0.1:4599", region: "us-west-2", prefix: "lab-one" });
    expect(target.endpoint).toBe("http://127.0.0.1:4599");
    expect(target.region).toBe("us-west-2");
    expect(target.otherRegion).toBe("eu-west-1");
    expect(target.prefix).toBe("lab-one");
    await target.close();
  });

  it("aws: only your own identity, and a profile in the CLI environment, never keys", async () => {
    const target = await createTarget({ target: "aws", region: "eu-central-1", profile: "learner" });
    expect(target.identities).toEqual(["default"]);
    expect(target.endpoint).toBeUndefined();
    expect(target.cliEnvironment("default")).toEqual({ AWS_PROFILE: "learner" });
    await expect(target.client("s3", "other", "eu-central-1")).rejects.toThrow(TargetError);
    await target.close();
  });

  it("refuses a prefix that would make the guard meaningless", async () => {
    await expect(createTarget({ target: "aws", region: "eu-west-1", prefix: "" })).rejects.toThrow(TargetError);
    await expect(createTarget({ target: "sandbox", prefix: "UPPER" })).rejects.toThrow(TargetError);
  });
});
