import { SimulatePrincipalPolicyCommand } from "@aws-sdk/client-iam";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { roleWithPolicies } from "../helpers/policy-simulator";
import { createVersionedBucket, finalStatus, putReplication, replicationPolicy, ruleTo } from "../helpers/replication";
import { ACCOUNT_A, uniqueBucket, useSandbox } from "../helpers/sandbox";

// What iam:SimulatePrincipalPolicy says of a replication role is what replication then does.
const { clients } = useSandbox({ replicationDelay: 30 });
const east = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "us-east-1" });
const west = () => clients().s3({ accessKeyId: ACCOUNT_A, region: "eu-west-1" });
const iam = () => clients().iam({ accessKeyId: ACCOUNT_A });

type Policies = (source: string, destination: string) => Record<string, object>;

const ROLES: Array<{ title: string; policies: Policies; predicted: string[]; status: string }> = [
  {
    title: "the user guide's policy",
    policies: (source, destination) => ({ replication: replicationPolicy(source, [destination]) }),
    predicted: ["allowed", "allowed"],
    status: "COMPLETED",
  },
  {
    title: "wildcards only (s3:GetObjectVersion*, s3:Replicate* on arn:aws:s3:::*)",
    policies: () => ({
      wide: {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "s3:GetObjectVersion*", Resource: "*" },
          { Effect: "Allow", Action: "s3:Replicate*", Resource: "arn:aws:s3:::*" },
        ],
      },
    }),
    predicted: ["allowed", "allowed"],
    status: "COMPLETED",
  },
  {
    title: "a policy without s3:ReplicateObject",
    policies: (source, destination) => {
      const policy = replicationPolicy(source, [destination]);
      return { replication: { ...policy, Statement: policy.Statement.map((s) => ({ ...s, Action: s.Action.filter((a) => a !== "s3:ReplicateObject") })) } };
    },
    predicted: ["allowed", "implicitDeny"],
    status: "FAILED",
  },
  {
    title: "the user guide's policy and another that denies s3:* on the destination",
    policies: (source, destination) => ({
      replication: replicationPolicy(source, [destination]),
      fence: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "s3:*", Resource: `arn:aws:s3:::${destination}/*` }] },
    }),
    predicted: ["allowed", "explicitDeny"],
    status: "FAILED",
  },
];

describe("a role the simulator judges", () => {
  for (const { title, policies, predicted, status } of ROLES) {
    it(`${title}: simulated ${predicted.join(" and ")}, replication ends ${status}`, async () => {
      const source = uniqueBucket("sim-src");
      const destination = uniqueBucket("sim-dst");
      await createVersionedBucket(east(), source, "us-east-1");
      await createVersionedBucket(west(), destination, "eu-west-1");
      const role = await roleWithPolicies(iam(), `sim-${source}`.slice(0, 64), policies(source, destination));

      const simulated = await iam().send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: role,
          ActionNames: ["s3:GetObjectVersionForReplication", "s3:ReplicateObject"],
          ResourceArns: [`arn:aws:s3:::${source}/report.csv`, `arn:aws:s3:::${destination}/report.csv`],
        }),
      );
      // Each action on the resource it is about: the source's object to read, the destination's to write.
      const decisions = (simulated.EvaluationResults ?? []).map((result, index) => result.ResourceSpecificResults?.[index]?.EvalResourceDecision);
      expect(decisions).toEqual(predicted);

      await putReplication(east(), source, role, [ruleTo(destination)]);
      await east().send(new PutObjectCommand({ Bucket: source, Key: "report.csv", Body: "a,b\n" }));
      expect(await finalStatus(east(), source, "report.csv")).toBe(status);
    });
  }
});
