import {
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  TagRoleCommand,
  type CreateRoleCommandInput,
  type IAMClient,
  type Tag,
} from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { rawRequest } from "../helpers/raw";
import { ACCOUNT_A, ACCOUNT_B, failureOf, useSandbox } from "../helpers/sandbox";

// IAM roles and their inline policies, driven through @aws-sdk/client-iam over HTTP.
const { clients, sandbox } = useSandbox();

/** Each listing test gets an account of its own, so other tests' roles do not show up. */
let nextAccount = 300000000000;
const freshAccount = () => String(nextAccount++);
const iam = (accessKeyId = ACCOUNT_A, region = "us-east-1"): IAMClient => clients().iam({ accessKeyId, region });

let counter = 0;
const uniqueRole = (stem = "role") => `${stem}-${process.pid}-${counter++}`;

const TRUST_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

const READ_POLICY = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"] }],
});

const createRole = (client: IAMClient, input: Partial<CreateRoleCommandInput> & { RoleName: string }) =>
  client.send(new CreateRoleCommand({ AssumeRolePolicyDocument: TRUST_POLICY, ...input }));

/** What the caller of the SDK sees of a failure: the exception's name, the wire code, the status and the message. */
const failure = async (promise: Promise<unknown>) => {
  const error = await failureOf(promise);
  return {
    name: error.name,
    code: (error as { Code?: string }).Code,
    status: error.$metadata?.httpStatusCode,
    message: error.message,
  };
};

const validationError = (message: string) => ({ name: "ValidationError", code: "ValidationError", status: 400, message });

describe("CreateRole and GetRole", () => {
  it("creates a role with IAM's defaults and returns it from GetRole", async () => {
    const name = uniqueRole();
    const before = Date.now();
    const created = await createRole(iam(), { RoleName: name });
    expect(created.$metadata.httpStatusCode).toBe(200);
    const role = created.Role;
    expect(role?.RoleName).toBe(name);
    expect(role?.Path).toBe("/");
    expect(role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(role?.Arn).toBe(`arn:aws:iam::${ACCOUNT_A}:role/${name}`);
    expect(role?.MaxSessionDuration).toBe(3600);
    expect(role?.Description).toBeUndefined();
    expect(role?.Tags).toBeUndefined();
    expect(role?.CreateDate).toBeInstanceOf(Date);
    // IAM's timestamps have whole seconds.
    expect(role?.CreateDate?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(role?.CreateDate?.getTime()).toBeLessThanOrEqual(Date.now());

    const fetched = await iam().send(new GetRoleCommand({ RoleName: name }));
    expect(fetched.Role).toEqual(role);
    expect(fetched.Role?.RoleLastUsed).toBeUndefined();
  });

  it("returns the trust policy URL-encoded, exactly as sent once decoded", async () => {
    const name = uniqueRole();
    // Spaces, newlines and a '+' survive the round trip; IAM keeps the document as sent.
    const document = `{\n  "Version": "2012-10-17",\n  "Statement": [{"Sid": "a+b", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${ACCOUNT_A}:root"}, "Action": "sts:AssumeRole"}]\n}`;
    const created = await createRole(iam(), { RoleName: name, AssumeRolePolicyDocument: document });
    const encoded = created.Role?.AssumeRolePolicyDocument ?? "";
    expect(encoded).toBe(encodeURIComponent(document));
    expect(encoded).toMatch(/^%7B%0A%20%20%22Version%22%3A/);
    expect(decodeURIComponent(encoded)).toBe(document);

    const fetched = await iam().send(new GetRoleCommand({ RoleName: name }));
    expect(decodeURIComponent(fetched.Role?.AssumeRolePolicyDocument ?? "")).toBe(document);
  });

  it("sends the Role elements in IAM's order, with tags as a member list", async () => {
    const name = uniqueRole();
    const body = new URLSearchParams({
      Action: "CreateRole",
      Version: "2010-05-08",
      RoleName: name,
      AssumeRolePolicyDocument: TRUST_POLICY,
      Description: "wire",
      "Tags.member.1.Key": "team",
      "Tags.member.1.Value": "data",
    }).toString();
    const response = await rawRequest(sandbox().endpoint, {
      method: "POST",
      path: "/",
      service: "iam",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    const role = /<Role>(.*)<\/Role>/s.exec(response.body)?.[1] ?? "";
    expect([...role.matchAll(/<(\w+)>/g)].map((match) => match[1])).toEqual([
      "Path",
      "RoleName",
      "RoleId",
      "Arn",
      "CreateDate",
      "AssumeRolePolicyDocument",
      "Description",
      "MaxSessionDuration",
      "Tags",
      "member",
      "Key",
      "Value",
    ]);
    expect(role).toMatch(/<CreateDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/CreateDate>/);
    expect(role).toContain(`<AssumeRolePolicyDocument>${encodeURIComponent(TRUST_POLICY)}</AssumeRolePolicyDocument>`);
    expect(response.body).toMatch(/^<\?xml[^>]*>\s*<CreateRoleResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><CreateRoleResult><Role>/);
    expect(response.body).toMatch(/<\/CreateRoleResult><ResponseMetadata><RequestId>[^<]+<\/RequestId><\/ResponseMetadata><\/CreateRoleResponse>$/);
  });

  it("keeps a path, description, maximum session duration and tags", async () => {
    const name = uniqueRole();
    const tags: Tag[] = [
      { Key: "team", Value: "data" },
      { Key: "cost-center", Value: "" },
    ];
    const created = await createRole(iam(), {
      RoleName: name,
      Path: "/service-roles/app/",
      Description: "Reads the reports bucket & nothing else",
      MaxSessionDuration: 43200,
      Tags: tags,
    });
    expect(created.Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT_A}:role/service-roles/app/${name}`);
    const { Role } = await iam().send(new GetRoleCommand({ RoleName: name }));
    expect(Role).toMatchObject({
      Path: "/service-roles/app/",
      Description: "Reads the reports bucket & nothing else",
      MaxSessionDuration: 43200,
      Tags: tags,
    });
  });

  it("treats role names as unique without regard to case", async () => {
    const name = uniqueRole("CaseRole");
    await createRole(iam(), { RoleName: name });
    const error = await failureOf(createRole(iam(), { RoleName: name.toUpperCase() }));
    expect(error).toBeInstanceOf(EntityAlreadyExistsException);
    expect(await failure(createRole(iam(), { RoleName: name.toLowerCase() }))).toEqual({
      name: "EntityAlreadyExistsException",
      code: "EntityAlreadyExists",
      status: 409,
      message: `Role with name ${name.toLowerCase()} already exists.`,
    });
    // Any spelling finds the role, which keeps the name it was created with.
    const { Role } = await iam().send(new GetRoleCommand({ RoleName: name.toLowerCase() }));
    expect(Role?.RoleName).toBe(name);
  });

  it("GetRole of a role that does not exist is NoSuchEntity", async () => {
    const error = await failureOf(iam().send(new GetRoleCommand({ RoleName: "no-such-role" })));
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect(await failure(iam().send(new GetRoleCommand({ RoleName: "no-such-role" })))).toEqual({
      name: "NoSuchEntityException",
      code: "NoSuchEntity",
      status: 404,
      message: "The role with name no-such-role cannot be found.",
    });
  });

  it("rejects a trust policy that is not JSON with MalformedPolicyDocument", async () => {
    const name = uniqueRole();
    const error = await failureOf(createRole(iam(), { RoleName: name, AssumeRolePolicyDocument: "{not json" }));
    expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(await failure(createRole(iam(), { RoleName: name, AssumeRolePolicyDocument: "{not json" }))).toEqual({
      name: "MalformedPolicyDocumentException",
      code: "MalformedPolicyDocument",
      status: 400,
      message: "This policy contains invalid Json",
    });
    // Nothing was created.
    expect((await failureOf(iam().send(new GetRoleCommand({ RoleName: name })))).name).toBe("NoSuchEntityException");
  });

  const assume = { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" };
  it.each([
    ["no Statement", { Version: "2012-10-17" }, "Syntax errors in policy."],
    ["a statement without Effect", { Statement: [{ Principal: assume.Principal, Action: assume.Action }] }, "Syntax errors in policy."],
    ["an Effect that is neither Allow nor Deny", { Statement: [{ ...assume, Effect: "Permit" }] }, "Syntax errors in policy."],
    ["a lower-case effect", { Statement: [{ ...assume, Effect: "allow" }] }, "The policy failed legacy parsing"],
    ["a statement without Action", { Statement: [{ Effect: "Allow", Principal: assume.Principal }] }, "Policy statement must contain actions."],
    ["a statement without Principal", { Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] }, "Missing required field Principal"],
    ["a Resource", { Statement: [{ ...assume, Resource: "*" }] }, "Has prohibited field Resource"],
    ["an unknown Version", { Version: "2020-01-01", Statement: [assume] }, "Syntax errors in policy."],
    ["an empty Statement list", { Version: "2012-10-17", Statement: [] }, "Syntax errors in policy."],
    ["a misspelt element", { Statement: [{ Effect: "Allow", Principal: assume.Principal, Actions: "sts:AssumeRole" }] }, "Syntax errors in policy."],
    ["an action without a service prefix", { Statement: [{ ...assume, Action: "AssumeRole" }] }, "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."],
  ])("rejects a trust policy with %s", async (_case, document, message) => {
    expect(await failure(createRole(iam(), { RoleName: uniqueRole(), AssumeRolePolicyDocument: JSON.stringify(document) }))).toEqual({
      name: "MalformedPolicyDocumentException",
      code: "MalformedPolicyDocument",
      status: 400,
      message,
    });
  });

  it("refuses a trust policy over 2,048 characters (white space not counted) with LimitExceeded", async () => {
    const principals = Array.from({ length: 70 }, (_, n) => `arn:aws:iam::${String(n).padStart(12, "0")}:root`);
    const document = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: "sts:AssumeRole" }] });
    expect(document.length).toBeGreaterThan(2048);
    expect(await failure(createRole(iam(), { RoleName: uniqueRole(), AssumeRolePolicyDocument: document }))).toEqual({
      name: "LimitExceededException",
      code: "LimitExceeded",
      status: 409,
      message: "Cannot exceed quota for ACLSizePerRole: 2048",
    });
  });

  it("reports a missing required parameter as a ValidationError", async () => {
    const missingDocument = iam().send(new CreateRoleCommand({ RoleName: uniqueRole() } as CreateRoleCommandInput));
    expect(await failure(missingDocument)).toEqual(
      validationError("1 validation error detected: Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null"),
    );
    const missingName = iam().send(new GetRoleCommand({} as { RoleName: string }));
    expect(await failure(missingName)).toEqual(
      validationError("1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null"),
    );
  });

  it("reports every invalid parameter in one ValidationError", async () => {
    const result = await failure(createRole(iam(), { RoleName: "has space", Path: "no-slashes", MaxSessionDuration: 60 }));
    expect(result).toEqual(
      validationError(
        "3 validation errors detected: " +
          "Value 'no-slashes' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F); " +
          "Value 'has space' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; " +
          "Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
      ),
    );
  });

  it("limits role names to 64 characters and sessions to 12 hours", async () => {
    const long = "r".repeat(65);
    expect(await failure(createRole(iam(), { RoleName: long }))).toEqual(
      validationError(`1 validation error detected: Value '${long}' at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64`),
    );
    expect(await failure(createRole(iam(), { RoleName: uniqueRole(), MaxSessionDuration: 43201 }))).toEqual(
      validationError(
        "1 validation error detected: Value '43201' at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
      ),
    );
    const name = "r".repeat(64);
    const created = await createRole(iam(freshAccount()), { RoleName: name });
    expect(created.Role?.RoleName).toBe(name);
  });

  it("refuses more than 50 tags, and the same tag key twice in any case", async () => {
    const tags = Array.from({ length: 51 }, (_, n) => ({ Key: `k${n}`, Value: "v" }));
    expect(await failure(createRole(iam(), { RoleName: uniqueRole(), Tags: tags }))).toEqual({
      name: "LimitExceededException",
      code: "LimitExceeded",
      status: 409,
      message: "Cannot exceed quota for TagsPerRole: 50",
    });
    const twice = [
      { Key: "Team", Value: "a" },
      { Key: "team", Value: "b" },
    ];
    expect(await failure(createRole(iam(), { RoleName: uniqueRole(), Tags: twice }))).toEqual({
      name: "InvalidInputException",
      code: "InvalidInput",
      status: 400,
      message: "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    });
  });
});

describe("roles belong to one account", () => {
  it("another account cannot see the role, and may create its own of the same name", async () => {
    const name = uniqueRole("shared-name");
    const ofA = await createRole(iam(ACCOUNT_A), { RoleName: name });

    expect(await failure(iam(ACCOUNT_B).send(new GetRoleCommand({ RoleName: name })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
      message: `The role with name ${name} cannot be found.`,
    });
    const listedByB = await iam(ACCOUNT_B).send(new ListRolesCommand({ MaxItems: 1000 }));
    expect(listedByB.Roles?.map((role) => role.RoleName)).not.toContain(name);
    expect((await failureOf(iam(ACCOUNT_B).send(new DeleteRoleCommand({ RoleName: name })))).name).toBe("NoSuchEntityException");

    const ofB = await createRole(iam(ACCOUNT_B), { RoleName: name });
    expect(ofB.Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT_B}:role/${name}`);
    expect(ofB.Role?.RoleId).not.toBe(ofA.Role?.RoleId);
    // A's role is untouched.
    const stillA = await iam(ACCOUNT_A).send(new GetRoleCommand({ RoleName: name }));
    expect(stillA.Role?.Arn).toBe(`arn:aws:iam::${ACCOUNT_A}:role/${name}`);
  });

  it("IAM is global: a client configured for any region sees the same roles", async () => {
    const name = uniqueRole();
    await createRole(iam(ACCOUNT_A, "eu-west-1"), { RoleName: name });
    const { Role } = await iam(ACCOUNT_A, "ap-southeast-2").send(new GetRoleCommand({ RoleName: name }));
    expect(Role?.RoleName).toBe(name);
  });
});

describe("ListRoles", () => {
  it("lists the account's roles without their tags", async () => {
    const account = freshAccount();
    await createRole(iam(account), { RoleName: "beta", Tags: [{ Key: "k", Value: "v" }], Description: "second" });
    await createRole(iam(account), { RoleName: "Alpha" });
    const listed = await iam(account).send(new ListRolesCommand({}));
    expect(listed.IsTruncated).toBe(false);
    expect(listed.Marker).toBeUndefined();
    expect(listed.Roles?.map((role) => role.RoleName)).toEqual(["Alpha", "beta"]);
    const beta = listed.Roles?.[1];
    expect(beta).toMatchObject({ Path: "/", Arn: `arn:aws:iam::${account}:role/beta`, Description: "second", MaxSessionDuration: 3600 });
    expect(beta?.Tags).toBeUndefined();
    expect(decodeURIComponent(beta?.AssumeRolePolicyDocument ?? "")).toBe(TRUST_POLICY);
  });

  it("gives an empty list for an account without roles", async () => {
    const listed = await iam(freshAccount()).send(new ListRolesCommand({}));
    expect(listed.Roles).toEqual([]);
    expect(listed.IsTruncated).toBe(false);
  });

  it("filters by PathPrefix", async () => {
    const account = freshAccount();
    await createRole(iam(account), { RoleName: "app-reader", Path: "/app/" });
    await createRole(iam(account), { RoleName: "app-writer", Path: "/app/writers/" });
    await createRole(iam(account), { RoleName: "ops", Path: "/ops/" });
    const app = await iam(account).send(new ListRolesCommand({ PathPrefix: "/app/" }));
    expect(app.Roles?.map((role) => role.RoleName)).toEqual(["app-reader", "app-writer"]);
    const all = await iam(account).send(new ListRolesCommand({ PathPrefix: "/" }));
    expect(all.Roles).toHaveLength(3);
  });

  it("pages with MaxItems and Marker", async () => {
    const account = freshAccount();
    const names = ["r1", "r2", "r3", "r4", "r5"];
    for (const name of names) await createRole(iam(account), { RoleName: name });

    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam(account).send(new ListRolesCommand({ MaxItems: 2, Marker: marker }));
      pages++;
      expect(page.Roles?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.Roles ?? []).map((role) => role.RoleName ?? ""));
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
    } while (marker !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
  });

  it("refuses MaxItems outside 1–1000", async () => {
    expect(await failure(iam().send(new ListRolesCommand({ MaxItems: 0 })))).toEqual(
      validationError("1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    );
    expect(await failure(iam().send(new ListRolesCommand({ MaxItems: 1001 })))).toEqual(
      validationError("1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000"),
    );
  });
});

describe("DeleteRole", () => {
  it("deletes the role (by any spelling of its name)", async () => {
    const name = uniqueRole("Deletable");
    await createRole(iam(), { RoleName: name });
    const deleted = await iam().send(new DeleteRoleCommand({ RoleName: name.toLowerCase() }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    expect((await failureOf(iam().send(new GetRoleCommand({ RoleName: name })))).name).toBe("NoSuchEntityException");
    // The name is free again.
    await createRole(iam(), { RoleName: name });
  });

  it("a role that does not exist is NoSuchEntity", async () => {
    expect(await failure(iam().send(new DeleteRoleCommand({ RoleName: "never-created" })))).toEqual({
      name: "NoSuchEntityException",
      code: "NoSuchEntity",
      status: 404,
      message: "The role with name never-created cannot be found.",
    });
  });

  it("is a DeleteConflict while inline policies remain", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "read", PolicyDocument: READ_POLICY }));
    const error = await failureOf(iam().send(new DeleteRoleCommand({ RoleName: name })));
    expect(error).toBeInstanceOf(DeleteConflictException);
    expect(await failure(iam().send(new DeleteRoleCommand({ RoleName: name })))).toEqual({
      name: "DeleteConflictException",
      code: "DeleteConflict",
      status: 409,
      message: "Cannot delete entity, must delete policies first.",
    });
    await iam().send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "read" }));
    await iam().send(new DeleteRoleCommand({ RoleName: name }));
    expect((await failureOf(iam().send(new GetRoleCommand({ RoleName: name })))).name).toBe("NoSuchEntityException");
  });
});

describe("TagRole", () => {
  it("adds tags and overwrites a tag whose key matches in any case", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name, Tags: [{ Key: "Team", Value: "data" }, { Key: "env", Value: "dev" }] });
    const tagged = await iam().send(
      new TagRoleCommand({ RoleName: name, Tags: [{ Key: "team", Value: "platform" }, { Key: "owner", Value: "ana@example.com" }] }),
    );
    expect(tagged.$metadata.httpStatusCode).toBe(200);
    const { Role } = await iam().send(new GetRoleCommand({ RoleName: name }));
    expect(Role?.Tags).toEqual([
      { Key: "team", Value: "platform" },
      { Key: "env", Value: "dev" },
      { Key: "owner", Value: "ana@example.com" },
    ]);
  });

  it("refuses to go past 50 tags in total and leaves the tags as they were", async () => {
    const name = uniqueRole();
    const first = Array.from({ length: 30 }, (_, n) => ({ Key: `a${n}`, Value: "v" }));
    await createRole(iam(), { RoleName: name, Tags: first });
    const more = Array.from({ length: 21 }, (_, n) => ({ Key: `b${n}`, Value: "v" }));
    expect(await failure(iam().send(new TagRoleCommand({ RoleName: name, Tags: more })))).toEqual({
      name: "LimitExceededException",
      code: "LimitExceeded",
      status: 409,
      message: "Cannot exceed quota for TagsPerRole: 50",
    });
    expect((await iam().send(new GetRoleCommand({ RoleName: name }))).Role?.Tags).toEqual(first);
    // Overwriting existing keys does not count twice: exactly 50 is fine.
    await iam().send(new TagRoleCommand({ RoleName: name, Tags: [...more.slice(0, 20), { Key: "A0", Value: "new" }] }));
    const { Role } = await iam().send(new GetRoleCommand({ RoleName: name }));
    expect(Role?.Tags).toHaveLength(50);
    expect(Role?.Tags?.[0]).toEqual({ Key: "A0", Value: "new" });
  });

  it("checks tag keys and values", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    const key = "k".repeat(129);
    expect(await failure(iam().send(new TagRoleCommand({ RoleName: name, Tags: [{ Key: key, Value: "v" }, { Key: "ok", Value: "bad#value" }] })))).toEqual(
      validationError(
        "2 validation errors detected: " +
          `Value '${key}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128; ` +
          "Value 'bad#value' at 'tags.2.member.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*",
      ),
    );
  });

  it("a role that does not exist is NoSuchEntity", async () => {
    expect(await failure(iam().send(new TagRoleCommand({ RoleName: "ghost", Tags: [{ Key: "k", Value: "v" }] })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
      message: "The role with name ghost cannot be found.",
    });
  });
});

describe("inline role policies", () => {
  it("puts, gets, lists, overwrites and deletes a policy", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    const put = await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "read-reports", PolicyDocument: READ_POLICY }));
    expect(put.$metadata.httpStatusCode).toBe(200);

    const got = await iam().send(new GetRolePolicyCommand({ RoleName: name, PolicyName: "read-reports" }));
    expect(got.RoleName).toBe(name);
    expect(got.PolicyName).toBe("read-reports");
    // URL-encoded on the wire; the SDK leaves it so.
    expect(got.PolicyDocument).toBe(encodeURIComponent(READ_POLICY));
    expect(decodeURIComponent(got.PolicyDocument ?? "")).toBe(READ_POLICY);

    const replacement = JSON.stringify({ Version: "2012-10-17", Statement: { Effect: "Deny", Action: "s3:*", Resource: "*" } });
    await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "read-reports", PolicyDocument: replacement }));
    await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "audit", PolicyDocument: READ_POLICY }));
    const again = await iam().send(new GetRolePolicyCommand({ RoleName: name, PolicyName: "read-reports" }));
    expect(decodeURIComponent(again.PolicyDocument ?? "")).toBe(replacement);

    const listed = await iam().send(new ListRolePoliciesCommand({ RoleName: name }));
    expect(listed.PolicyNames).toEqual(["audit", "read-reports"]);
    expect(listed.IsTruncated).toBe(false);
    expect(listed.Marker).toBeUndefined();

    await iam().send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "audit" }));
    expect((await iam().send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames).toEqual(["read-reports"]);
  });

  it("lists no policies as an empty list", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    const listed = await iam().send(new ListRolePoliciesCommand({ RoleName: name }));
    expect(listed.PolicyNames).toEqual([]);
    expect(listed.IsTruncated).toBe(false);
  });

  it("pages ListRolePolicies with MaxItems and Marker", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    for (const policy of ["p1", "p2", "p3"]) {
      await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policy, PolicyDocument: READ_POLICY }));
    }
    const first = await iam().send(new ListRolePoliciesCommand({ RoleName: name, MaxItems: 2 }));
    expect(first.PolicyNames).toEqual(["p1", "p2"]);
    expect(first.IsTruncated).toBe(true);
    expect(first.Marker).toEqual(expect.any(String));
    const second = await iam().send(new ListRolePoliciesCommand({ RoleName: name, MaxItems: 2, Marker: first.Marker }));
    expect(second.PolicyNames).toEqual(["p3"]);
    expect(second.IsTruncated).toBe(false);
    expect(second.Marker).toBeUndefined();
  });

  it("a policy that does not exist is NoSuchEntity, for GetRolePolicy and DeleteRolePolicy", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    const expected = {
      name: "NoSuchEntityException",
      code: "NoSuchEntity",
      status: 404,
      message: "The role policy with name missing-policy cannot be found.",
    };
    expect(await failure(iam().send(new GetRolePolicyCommand({ RoleName: name, PolicyName: "missing-policy" })))).toEqual(expected);
    expect(await failure(iam().send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "missing-policy" })))).toEqual(expected);
  });

  it("every inline-policy action on a missing role is NoSuchEntity for the role", async () => {
    const message = "The role with name absent-role cannot be found.";
    const RoleName = "absent-role";
    for (const promise of [
      iam().send(new PutRolePolicyCommand({ RoleName, PolicyName: "p", PolicyDocument: READ_POLICY })),
      iam().send(new GetRolePolicyCommand({ RoleName, PolicyName: "p" })),
      iam().send(new DeleteRolePolicyCommand({ RoleName, PolicyName: "p" })),
      iam().send(new ListRolePoliciesCommand({ RoleName })),
    ]) {
      expect(await failure(promise)).toMatchObject({ name: "NoSuchEntityException", status: 404, message });
    }
  });

  it.each([
    ["text that is not JSON", "Allow everything", "This policy contains invalid Json"],
    [
      "a Principal",
      JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] }),
      "Policy document should not specify a principal.",
    ],
    ["no Resource", JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] }), "Policy statement must contain resources."],
    ["Resources for Resource", JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resources: "*" }] }), "Syntax errors in policy."],
    [
      "duplicate Sids",
      JSON.stringify({
        Statement: [
          { Sid: "S", Effect: "Allow", Action: "s3:GetObject", Resource: "*" },
          { Sid: "S", Effect: "Deny", Action: "s3:PutObject", Resource: "*" },
        ],
      }),
      "Statement IDs (SID) in a single policy must be unique.",
    ],
  ])("PutRolePolicy refuses a document with %s", async (_case, document, message) => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    expect(await failure(iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "p", PolicyDocument: document })))).toEqual({
      name: "MalformedPolicyDocumentException",
      code: "MalformedPolicyDocument",
      status: 400,
      message,
    });
    expect((await iam().send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames).toEqual([]);
  });

  it("refuses inline policies over 10,240 characters in total with LimitExceeded", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    const big = (bucket: string) =>
      JSON.stringify({
        Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 150 }, (_, n) => `arn:aws:s3:::${bucket}/${n}/*`) }],
      });
    await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "one", PolicyDocument: big("first-bucket") }));
    expect(await failure(iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "two", PolicyDocument: big("second-bucket") })))).toEqual({
      name: "LimitExceededException",
      code: "LimitExceeded",
      status: 409,
      message: `Maximum policy size of 10240 bytes exceeded for role ${name}`,
    });
    // Replacing the existing policy counts only the new version.
    await iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "one", PolicyDocument: big("second-bucket") }));
  });

  it("reports a missing PolicyDocument as a ValidationError", async () => {
    const name = uniqueRole();
    await createRole(iam(), { RoleName: name });
    const promise = iam().send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "p" } as { RoleName: string; PolicyName: string; PolicyDocument: string }));
    expect(await failure(promise)).toEqual(
      validationError("1 validation error detected: Value null at 'policyDocument' failed to satisfy constraint: Member must not be null"),
    );
  });
});
