import type { NamedResource } from "./planned-resources";
import type { AwsClient } from "./target";

/** Every bucket and role the tutorial creates on a real account carries this tag, valued with the prefix. */
export const TAG_KEY = "s3-tutor";

interface Tag {
  Key: string;
  Value: string;
}

const isTag = (value: unknown): value is Tag =>
  typeof (value as Tag | null)?.Key === "string" && typeof (value as Tag | null)?.Value === "string";

/**
 * Tags a resource right after it was created. Tagging afterwards (rather than adding Tags to the
 * learner's CreateBucket) keeps the call exactly as the lesson shows it: tags in CreateBucket
 * change its outcome (us-east-1's legacy 200 becomes 409) and need s3:TagResource as well.
 * PutBucketTagging replaces the whole set, so the tags the CreateBucket carried are kept.
 */
export const tagCreated = async (
  client: AwsClient,
  resource: NamedResource,
  createInput: Record<string, unknown>,
  prefix: string,
): Promise<void> => {
  const ours: Tag = { Key: TAG_KEY, Value: prefix };
  if (resource.kind === "role") {
    const { TagRoleCommand } = await import("@aws-sdk/client-iam");
    await client.send(new TagRoleCommand({ RoleName: resource.name, Tags: [ours] }));
    return;
  }
  const configuration = createInput.CreateBucketConfiguration as { Tags?: unknown[] } | undefined;
  const given = (configuration?.Tags ?? []).filter(isTag).filter((tag) => tag.Key !== TAG_KEY);
  const { PutBucketTaggingCommand } = await import("@aws-sdk/client-s3");
  await client.send(new PutBucketTaggingCommand({ Bucket: resource.name, Tagging: { TagSet: [...given, ours] } }));
};
