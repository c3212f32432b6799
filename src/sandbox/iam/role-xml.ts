import type { XmlContent } from "../http/xml";
import type { Role } from "../world/account";

/** IAM returns policy documents URL-encoded (RFC 3986); the SDKs hand them over still encoded. */
export const encodePolicyDocument = (document: string): string => encodeURIComponent(document);

/** IAM's timestamps have whole seconds: 2024-05-01T12:00:00Z. */
export const iamTimestamp = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** A query-protocol list: <Name><member>...</member>...</Name>. */
export const memberList = (items: XmlContent[]): XmlContent => ({ member: items });

/**
 * A <Role> as IAM sends it, elements in IAM's order. ListRoles leaves out Tags; RoleLastUsed
 * is never sent because the sandbox does not track role use.
 */
export const roleXml = (role: Role, { withTags = true } = {}): XmlContent => ({
  Path: role.path,
  RoleName: role.name,
  RoleId: role.roleId,
  Arn: role.arn,
  CreateDate: iamTimestamp(role.createDate),
  AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicyDocument),
  Description: role.description,
  MaxSessionDuration: role.maxSessionDuration,
  Tags: withTags && role.tags.length > 0 ? memberList(role.tags.map(({ Key, Value }) => ({ Key, Value }))) : undefined,
});
