import { POLICY_TEXT_FIELDS } from "./sdk-input";
import { isRecord } from "./values";

/**
 * Turns an SDK output into plain data that expectations can match and a report can hold:
 * no $metadata, streams (GetObject Body) read into text, and policies as objects — IAM sends
 * them URL-encoded, S3 as JSON text — so `expect` can match a policy partially.
 */

interface TextStream {
  transformToString(encoding?: string): Promise<string>;
}

const isTextStream = (value: unknown): value is TextStream =>
  typeof value === "object" && value !== null && typeof (value as Partial<TextStream>).transformToString === "function";

const policyFromText = (text: string): unknown => {
  let decoded = text;
  if (/^%7B/i.test(text)) {
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return text;
    }
  }
  try {
    return JSON.parse(decoded) as unknown;
  } catch {
    return decoded;
  }
};

const decodePolicies = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(decodePolicies);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, POLICY_TEXT_FIELDS.has(key) && typeof item === "string" ? policyFromText(item) : decodePolicies(item)]),
  );
};

export const readOutput = async (output: unknown): Promise<Record<string, unknown>> => {
  if (!isRecord(output)) return {};
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(output)) {
    if (key === "$metadata" || value === undefined) continue;
    plain[key] = isTextStream(value) ? await value.transformToString() : value;
  }
  return decodePolicies(plain) as Record<string, unknown>;
};
