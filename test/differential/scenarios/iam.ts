import { CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, ListRolesCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { freshName, outcomeOf, type Scratch } from "../scenario-kit";
import type { Scenario } from "../scenario";

const GROUP = "IAM roles";

const trustS3 = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }] };

const createRole = async (scratch: Scratch): Promise<string> => {
  const name = freshName("role");
  scratch.trackRole(name);
  await scratch.subject.iam("me").send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trustS3) }));
  return name;
};

export const iamScenarios: Scenario[] = [
  {
    id: "iam.create-get-list",
    group: GROUP,
    title: "CreateRole, then GetRole and ListRoles",
    run: async (scratch) => {
      const iam = scratch.subject.iam("me");
      const name = await createRole(scratch);
      const account = (await scratch.subject.sts("me").send(new GetCallerIdentityCommand({}))).Account;
      const role = (await iam.send(new GetRoleCommand({ RoleName: name }))).Role;
      // AWS returns the trust policy URL-encoded; the SDK leaves it so.
      const trust = JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? "{}")) as typeof trustS3;
      const listed = (await iam.send(new ListRolesCommand({}))).Roles?.some((listedRole) => listedRole.RoleName === name);
      return [
        role?.Arn === `arn:aws:iam::${account}:role/${name}` ? "ARN in the caller's account" : `ARN ${role?.Arn}`,
        trust.Statement?.[0]?.Principal?.Service === "s3.amazonaws.com" ? "trust policy kept" : "trust policy lost",
        listed ? "listed" : "not listed",
      ].join("; ");
    },
    expected: {
      aws: "ARN in the caller's account; trust policy kept; listed",
      localstack: "ARN in the caller's account; trust policy kept; listed",
      moto: "ARN in the caller's account; trust policy kept; listed",
    },
  },
  {
    id: "iam.duplicate",
    group: GROUP,
    title: "CreateRole with a name that exists",
    run: async (scratch) => {
      const name = await createRole(scratch);
      return outcomeOf(() => scratch.subject.iam("me").send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trustS3) })));
    },
    expected: { aws: "409 EntityAlreadyExists", localstack: "409 EntityAlreadyExists", moto: "409 EntityAlreadyExists" },
  },
  {
    id: "iam.delete-conflict",
    group: GROUP,
    title: "DeleteRole while it has an inline policy, then without",
    run: async (scratch) => {
      const iam = scratch.subject.iam("me");
      const name = await createRole(scratch);
      const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] };
      await iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "list", PolicyDocument: JSON.stringify(policy) }));
      const first = await outcomeOf(() => iam.send(new DeleteRoleCommand({ RoleName: name })));
      await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "list" }));
      const second = await outcomeOf(() => iam.send(new DeleteRoleCommand({ RoleName: name })));
      const after = await outcomeOf(() => iam.send(new GetRoleCommand({ RoleName: name })));
      return `${first}; then ${second}; GetRole ${after}`;
    },
    expected: {
      aws: "409 DeleteConflict; then 200; GetRole 404 NoSuchEntity",
      localstack: "409 DeleteConflict; then 200; GetRole 404 NoSuchEntity",
      moto: "409 DeleteConflict; then 200; GetRole 404 NoSuchEntity",
    },
  },
];
