import type { NamedResource } from "./planned-resources";
import { faultOf } from "./sdk-faults";
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

/**
 * The value of the resource's s3-tutor tag, or undefined when it has none. Throws when the tags
 * cannot be read (a missing permission): that is no answer, and the caller must not guess.
 * A bucket's tags are read through a client of its own region.
 */
export const ourTagValue = async (client: AwsClient, resource: NamedResource, account: string): Promise<string | undefined> => {
  let tags: unknown[];
  if (resource.kind === "role") {
    const { GetRoleCommand } = await import("@aws-sdk/client-iam");
    const answer = (await client.send(new GetRoleCommand({ RoleName: resource.name }))) as { Role?: { Tags?: unknown[] } };
    tags = answer.Role?.Tags ?? [];
  } else {
    const { GetBucketTaggingCommand } = await import("@aws-sdk/client-s3");
    try {
      const answer = (await client.send(new GetBucketTaggingCommand({ Bucket: resource.name, ExpectedBucketOwner: account }))) as { TagSet?: unknown[] };
      tags = answer.TagSet ?? [];
    } catch (error) {
      if (faultOf(error).code === "NoSuchTagSet") return undefined;
      throw error;
    }
  }
  return tags.filter(isTag).find((tag) => tag.Key === TAG_KEY)?.Value;
};
