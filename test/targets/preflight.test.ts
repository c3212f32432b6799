import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTarget } from "../../src/targets/create-target";
import { TargetError } from "../../src/targets/target";
import { useEnvironment, useStateDir } from "./helpers/aws-on-sandbox";
import { closedPort } from "./helpers/closed-port";

const failure = async (promise: Promise<unknown>): Promise<TargetError> => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TargetError);
  return error as TargetError;
};

describe("pre-flight, for real", () => {
  useStateDir();
  // No credentials or configuration from the machine running the tests.
  useEnvironment({
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_CONFIG_FILE: join(import.meta.dirname, "no-such-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(import.meta.dirname, "no-such-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
  });

  it("LocalStack that is not running: nothing answers, with how to start it", async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const target = await createTarget({ target: "localstack", endpoint });
    try {
      const error = await failure(target.preflight());
      expect(error.message).toBe(`Nothing answers at ${endpoint}.`);
      expect(error.fix).toMatch(/^Start LocalStack \(the README shows how, with pip or Docker\) or pass --endpoint/);
    } finally {
      await target.close();
    }
  });

  it("aws with no credentials anywhere", async () => {
    const target = await createTarget({ target: "aws", region: "eu-west-1" });
    try {
      expect((await failure(target.preflight())).message).toBe("No AWS credentials found.");
    } finally {
      await target.close();
    }
  });

  it("aws with a profile that does not exist", async () => {
    const target = await createTarget({ target: "aws", profile: "no-such-profile" });
    try {
      expect((await failure(target.preflight())).message).toMatch(/^(No AWS credentials found for profile|There is no AWS profile named) "no-such-profile"\.$/);
    } finally {
      await target.close();
    }
  });

  describe("with credentials but no region", () => {
    useEnvironment({ AWS_ACCESS_KEY_ID: "111122223333", AWS_SECRET_ACCESS_KEY: "test" });
    it("says how to set one", async () => {
      const target = await createTarget({ target: "aws" });
      try {
        expect(target.region).toBe("");
        const error = await failure(target.preflight());
        expect(error.message).toBe("No AWS region is set.");
        expect(error.fix).toContain("--region");
      } finally {
        await target.close();
      }
    });

    it("takes AWS_DEFAULT_REGION as the AWS CLI does", async () => {
      process.env.AWS_DEFAULT_REGION = "ap-south-1";
      const target = await createTarget({ target: "aws" });
      expect(target.region).toBe("ap-south-1");
      expect(target.otherRegion).not.toBe("ap-south-1");
      await target.close();
    });
  });
});
