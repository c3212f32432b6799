import type { SeededRandom } from "../../helpers/seeded-random";
import { hostileText, type HostileBody } from "./hostile-bodies";

/**
 * Where a body does harm: the operation that parses it, on the fuzz bucket, so a correctly
 * signed request gets past authentication to the parser (an XML bomb to a configuration
 * subresource, a policy to ?policy, a form to IAM).
 */
export interface Aim {
  service: string;
  method: string;
  path: string;
  query: Record<string, string>;
}

const XML_OPERATIONS: ReadonlyArray<(bucket: string, key: string, random: SeededRandom) => Omit<Aim, "service">> = [
  (bucket) => ({ method: "PUT", path: `/${bucket}`, query: { tagging: "" } }),
  (bucket) => ({ method: "PUT", path: `/${bucket}`, query: { versioning: "" } }),
  (bucket) => ({ method: "PUT", path: `/${bucket}`, query: { lifecycle: "" } }),
  (bucket) => ({ method: "PUT", path: `/${bucket}`, query: { replication: "" } }),
  (bucket) => ({ method: "PUT", path: `/${bucket}`, query: { accelerate: "" } }),
  (bucket) => ({ method: "POST", path: `/${bucket}`, query: { delete: "" } }),
  (bucket, key) => ({ method: "PUT", path: `/${bucket}/${key}`, query: { tagging: "" } }),
  (bucket, key) => ({ method: "POST", path: `/${bucket}/${key}`, query: { uploadId: "no-such-upload" } }),
  (_bucket, _key, random) => ({ method: "PUT", path: `/fuzz-new-${random.string("abcdefghij0123456789", 10)}`, query: {} }),
];

export const aimAt = (random: SeededRandom, body: HostileBody, bucket: string, key: string): Aim => {
  switch (body.kind) {
    case "wildcard-policy":
    case "deep-policy":
      return { service: "s3", method: "PUT", path: `/${bucket}`, query: { policy: "" } };
    case "iam-form":
      return { service: random.pick(["iam", "sts"]), method: "POST", path: "/", query: {} };
    case "random-bytes":
      return { service: "s3", method: "PUT", path: `/${bucket}/${encodeURIComponent(hostileText(random, 12))}`, query: {} };
    case "none":
      return {
        service: "s3",
        method: random.pick(["GET", "HEAD"]),
        path: `/${bucket}/${key}`,
        query: { "response-content-type": random.pick(["text/plain; charset=€", "a\r\nX-Injected: 1", hostileText(random)]) },
      };
    default:
      return { service: "s3", ...random.pick(XML_OPERATIONS)(bucket, key, random) };
  }
};
