import { MultiRegionAccessPoints } from "./mraps";
import type { Tag } from "./versions";

/** An IAM role as the sandbox keeps it. Policy documents are kept as the caller sent them. */
export interface Role {
  name: string;
  path: string;
  roleId: string;
  arn: string;
  createDate: Date;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  tags: Tag[];
  inlinePolicies: Map<string, string>;
}

/** What the sandbox knows of one AWS account besides its buckets. */
export class AccountState {
  /** IAM role names are unique without regard to case; the map is keyed by the lower-cased name. */
  private readonly roles = new Map<string, Role>();
  /** S3 Control's Multi-Region Access Points, which belong to the account, not to a bucket. */
  readonly mraps = new MultiRegionAccessPoints();

  constructor(readonly id: string) {}

  role(name: string): Role | undefined {
    return this.roles.get(name.toLowerCase());
  }

  addRole(role: Role): void {
    this.roles.set(role.name.toLowerCase(), role);
  }

  removeRole(name: string): void {
    this.roles.delete(name.toLowerCase());
  }

  allRoles(): Role[] {
    return [...this.roles.values()];
  }

  /** Nothing to keep: no roles and no Multi-Region Access Point (or request about one). */
  isEmpty(): boolean {
    return this.roles.size === 0 && this.mraps.points.size === 0 && this.mraps.operations.size === 0;
  }
}
