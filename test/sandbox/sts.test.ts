import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { ACCOUNT_A, ACCOUNT_B, useSandbox } from "../helpers/sandbox";

// STS GetCallerIdentity through @aws-sdk/client-sts: every sandbox caller is an account's root user.
const { clients } = useSandbox();

describe("STS GetCallerIdentity", () => {
  it("a 12-digit access key id is that account's root user", async () => {
    const identity = await clients().sts({ accessKeyId: ACCOUNT_A }).send(new GetCallerIdentityCommand({}));
    expect(identity.$metadata.httpStatusCode).toBe(200);
    expect(identity.Account).toBe(ACCOUNT_A);
    expect(identity.Arn).toBe(`arn:aws:iam::${ACCOUNT_A}:root`);
    // The root user's UserId is the account id.
    expect(identity.UserId).toBe(ACCOUNT_A);
  });

  it("each account id is its own account", async () => {
    const identity = await clients().sts({ accessKeyId: ACCOUNT_B }).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: ACCOUNT_B, Arn: `arn:aws:iam::${ACCOUNT_B}:root`, UserId: ACCOUNT_B });
  });

  it('the access key id "test" is account 000000000000, as in LocalStack', async () => {
    const identity = await clients().sts({ accessKeyId: "test" }).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: "000000000000", Arn: "arn:aws:iam::000000000000:root", UserId: "000000000000" });
  });

  it("answers the same whichever region the client is configured for", async () => {
    const identity = await clients().sts({ accessKeyId: ACCOUNT_A, region: "eu-central-1" }).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe(ACCOUNT_A);
    expect(identity.$metadata.requestId).toEqual(expect.any(String));
  });
});
