import type { SeededRandom } from "../../helpers/seeded-random";

/**
 * Request bodies a hostile or careless client sends: XML bombs and depth, policies full of
 * wildcards or nested far too deep, IAM forms, random bytes. Each kind is named, so the test's
 * figures say what was sent.
 */
export interface HostileBody {
  kind: string;
  body: Buffer;
  contentType?: string;
}

const S3_ROOTS = [
  "Tagging",
  "VersioningConfiguration",
  "LifecycleConfiguration",
  "ReplicationConfiguration",
  "CreateBucketConfiguration",
  "Delete",
  "CompleteMultipartUpload",
  "AccelerateConfiguration",
];

/** Text no header, XML or JSON parser is comfortable with. */
export const hostileText = (random: SeededRandom, length = random.int(0, 40)): string =>
  random.string("aZ09 /?#&=%*\\\"'<>{}[]\r\n\t\u0000\u001b\u009b\u00e9\u20ac\u202e\u{1F600}\uFFFE", length);

const deepXml = (random: SeededRandom) => {
  const depth = random.pick([40, 120, 1_000, 20_000]);
  const root = random.pick(S3_ROOTS);
  // Now and then one closing tag short, so the validator and not the depth bound refuses it.
  return `<${root}>${"<a>".repeat(depth)}x${"</a>".repeat(random.chance(0.8) ? depth : depth - 1)}</${root}>`;
};

const entityBomb = (random: SeededRandom) => {
  const levels = random.int(3, 10);
  const entities = Array.from({ length: levels }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join("");
  return `<?xml version="1.0"?><!DOCTYPE Tagging [<!ENTITY e0 "lol">${entities}]><Tagging><TagSet><Tag><Key>k</Key><Value>&e${levels};</Value></Tag></TagSet></Tagging>`;
};

const externalEntity = () =>
  '<?xml version="1.0"?><!DOCTYPE Tagging [<!ENTITY x SYSTEM "file:///etc/passwd">]><Tagging><TagSet><Tag><Key>k</Key><Value>&x;</Value></Tag></TagSet></Tagging>';

const wideXml = (random: SeededRandom) =>
  `<Delete>${`<Object><Key>${hostileText(random, 8).replace(/[<&]/g, "")}</Key></Object>`.repeat(random.int(500, 3_000))}</Delete>`;

const brokenXml = (random: SeededRandom) =>
  random.pick([
    "<Tagging><TagSet><Tag><Key>k</Key></TagSet></Tagging>",
    "<Tagging",
    "<?xml version='1.0' encoding='UTF-16'?><Tagging/>",
    `<Tagging xmlns:a="${"x".repeat(10_000)}"><a:TagSet/></Tagging>`,
    `<Tagging ${Array.from({ length: 2_000 }, (_, i) => `a${i}="1"`).join(" ")}/>`,
    "<![CDATA[<Tagging>]]>",
    `<Tagging><TagSet><Tag><Key>${hostileText(random)}</Key><Value>&#0;&#xFFFF;&#x110000;</Value></Tag></TagSet></Tagging>`,
  ]);

const WILD_ACTIONS = [`s3:${"*".repeat(16)}Z`, `s3:${"?*".repeat(40)}!`, "s3:*", `${"*".repeat(200)}`, "s3:Get*Object*Version*Z"];

const wildcardPolicy = (random: SeededRandom, bucket: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: random.pick(["Allow", "Deny"]),
        Principal: random.pick(["*", { AWS: "222222222222" }, { AWS: `arn:aws:iam::222222222222:${"*".repeat(30)}` }]),
        Action: random.pick(WILD_ACTIONS),
        Resource: `arn:aws:s3:::${bucket}/${"*a".repeat(random.int(10, 500))}b`,
        ...(random.chance(0.5) ? { Condition: { StringLike: { "s3:prefix": [`${"*?".repeat(200)}z`] } } } : {}),
      },
    ],
  });

const deepPolicy = (random: SeededRandom, bucket: string) => {
  const depth = random.pick([20, 200, 6_000, 50_000]);
  const open = random.chance(0.5) ? "[" : '{"a":';
  const close = open === "[" ? "]" : "}";
  return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::${bucket}/*","Condition":${open.repeat(depth)}1${close.repeat(depth)}}]}`;
};

const iamForm = (random: SeededRandom) => {
  const action = random.pick(["CreateRole", "PutRolePolicy", "SimulatePrincipalPolicy", "GetCallerIdentity", "AssumeRole", hostileText(random)]);
  const document = random.pick([deepPolicy(random, "b"), wildcardPolicy(random, "b"), hostileText(random, 200), "{}"]);
  const fields: Record<string, string> = {
    Action: action,
    Version: random.pick(["2010-05-08", "2011-06-15", hostileText(random, 5)]),
    RoleName: random.pick(["fuzz-role", hostileText(random, 10)]),
    PolicyName: "fuzz",
    AssumeRolePolicyDocument: document,
    PolicyDocument: document,
    PolicySourceArn: random.pick(["arn:aws:iam::111111111111:role/fuzz-role", hostileText(random)]),
    "ActionNames.member.1": random.pick(["s3:GetObject", hostileText(random)]),
  };
  return new URLSearchParams(fields).toString();
};

/** One hostile body, and the content type it claims. */
export const hostileBody = (random: SeededRandom, bucket: string): HostileBody => {
  const kind = random.pick(["none", "deep-xml", "entity-bomb", "external-entity", "wide-xml", "broken-xml", "wildcard-policy", "deep-policy", "iam-form", "random-bytes"]);
  switch (kind) {
    case "deep-xml":
      return { kind, body: Buffer.from(deepXml(random)) };
    case "entity-bomb":
      return { kind, body: Buffer.from(entityBomb(random)) };
    case "external-entity":
      return { kind, body: Buffer.from(externalEntity()) };
    case "wide-xml":
      return { kind, body: Buffer.from(wideXml(random)) };
    case "broken-xml":
      return { kind, body: Buffer.from(brokenXml(random)) };
    case "wildcard-policy":
      return { kind, body: Buffer.from(wildcardPolicy(random, bucket)), contentType: "application/json" };
    case "deep-policy":
      return { kind, body: Buffer.from(deepPolicy(random, bucket)), contentType: "application/json" };
    case "iam-form":
      return { kind, body: Buffer.from(iamForm(random)), contentType: "application/x-www-form-urlencoded" };
    case "random-bytes":
      return { kind, body: random.bytes(random.int(1, 4_096)) };
    default:
      return { kind: "none", body: Buffer.alloc(0) };
  }
};
