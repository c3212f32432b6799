import { createHash } from "node:crypto";
import type { SandboxResponse } from "../http/exchange";
import { isoTime } from "../http/iso-time";
import { xmlDocument, type XmlContent } from "../http/xml";
import { XMLNS } from "./call";

export const xmlResponse = (
  root: string,
  content: XmlContent,
  headers: Record<string, string> = {},
  status = 200,
): SandboxResponse => ({
  status,
  headers: { "content-type": "application/xml", ...headers },
  body: xmlDocument(root, content, { xmlns: XMLNS }),
});

export const emptyResponse = (status = 200, headers: Record<string, string> = {}): SandboxResponse => ({
  status,
  headers,
});

/** S3's canonical user id for an account: 64 hex characters, stable per account. */
export const canonicalUserId = (account: string): string =>
  createHash("sha256").update(`s3-tutor-sandbox:${account}`).digest("hex");

/** Timestamps in S3 XML bodies carry milliseconds; in headers they are RFC 7231 dates. */
export const xmlTime = (date: Date): string => isoTime(date);
export const httpDate = (date: Date): string => date.toUTCString();
