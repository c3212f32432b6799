import { CreateBucketCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { adversarialSuite, cleanupLeavesNothing, cleanupRemovesWrongWork, rightPath } from "./helpers";
import { regionsAndBucketsCases } from "./cases/regions-and-buckets";

// Wrong work fails each step's check with a reason; right work done another way passes.
const lab = adversarialSuite("regions-and-buckets", "adv-regions", regionsAndBucketsCases);
cleanupLeavesNothing(lab, () => rightPath(regionsAndBucketsCases));
cleanupRemovesWrongWork(lab, "the away bucket in the home region, hello.txt in the home bucket", async (lab) => {
  const s3 = lab.s3();
  await s3.send(new CreateBucketCommand({ Bucket: lab.name("home"), CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
  await s3.send(new CreateBucketCommand({ Bucket: lab.name("away"), CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
  await s3.send(new PutObjectCommand({ Bucket: lab.name("home"), Key: "hello.txt", Body: "hello" }));
  await s3.send(new PutObjectCommand({ Bucket: lab.name("away"), Key: "hello.txt", Body: "hello" }));
});
