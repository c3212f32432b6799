import type { ReplicationCounts, WorldArrow, WorldBucket } from "../../../targets/world/world-snapshot";
import { cut, wrapPieces, type Piece, type Row } from "./world-row";

/**
 * One bucket as rows of a Region's column: its name with the owner's mark, then owner,
 * versioning and objects, then its replication arrows with the per-object status counts.
 */

/** Symbol and word, so NO_COLOR loses nothing. */
const VERSIONING: Record<WorldBucket["versioning"], Piece[]> = {
  Enabled: [{ text: "◆ versioned", tone: "success" }],
  Suspended: [
    { text: "◇ versioning", tone: "warning" },
    { text: "suspended", tone: "warning", sep: " " },
  ],
  Unversioned: [{ text: "○ unversioned", tone: "muted" }],
};

const objectsPiece = (bucket: WorldBucket): Piece => {
  if (bucket.objects === undefined) return { text: "objects ?", tone: "muted" };
  const count = `${bucket.objects}${bucket.objectsCapped ? "+" : ""}`;
  return { text: bucket.objects === 1 && !bucket.objectsCapped ? "1 object" : `${count} objects` };
};

const count = (counts: ReplicationCounts, status: keyof ReplicationCounts): number => counts[status] ?? 0;

/** An arrow to (or from) its other end, with that end's Region when it is another column. */
const arrowPieces = (arrow: string, name: string, region: string | undefined, here: string): Piece[] => [
  { text: `${arrow} ${name}`, tone: "accent" },
  ...(region && region !== here ? [{ text: `(${region})`, tone: "accent" as const, sep: " " }] : []),
];

export interface BucketCellInput {
  bucket: WorldBucket;
  /** Rules whose source is this bucket. */
  outgoing: readonly WorldArrow[];
  /** Rules whose destination is this bucket, with their source's Region when known. */
  incoming: readonly { arrow: WorldArrow; fromRegion?: string }[];
  /** The name is one the learner tried and another account holds. */
  taken: boolean;
}

export const bucketCell = ({ bucket, outgoing, incoming, taken }: BucketCellInput, width: number): Row[] => {
  const mine = bucket.owner === "you";
  const rows: Row[] = [
    [
      { text: mine ? "● " : "✗ ", tone: mine ? "accent" : "failure" },
      { text: cut(bucket.name, width - 2), bold: true },
    ],
  ];
  const owner: Piece[] = mine
    ? [{ text: "you" }]
    : [{ text: "another account", tone: "failure" }, ...(taken ? [{ text: "name taken", tone: "failure" as const, sep: ": " }] : [])];
  rows.push(...wrapPieces([...owner, ...VERSIONING[bucket.versioning], objectsPiece(bucket)], width, 2));
  for (const arrow of outgoing) {
    const pieces = arrowPieces(arrow.enabled ? "→" : "⇢", arrow.to, arrow.toRegion, bucket.region);
    rows.push(...wrapPieces(arrow.enabled ? pieces : [...pieces, { text: "(rule off)", sep: " " }], width, 2));
  }
  if (outgoing.length > 0) {
    const counts = bucket.replication;
    rows.push(
      ...wrapPieces(
        [
          { text: `PENDING ${count(counts, "PENDING")}`, ...(count(counts, "PENDING") > 0 ? { tone: "warning" as const } : {}) },
          { text: `COMPLETED ${count(counts, "COMPLETED")}`, ...(count(counts, "COMPLETED") > 0 ? { tone: "success" as const } : {}) },
          { text: `FAILED ${count(counts, "FAILED")}`, ...(count(counts, "FAILED") > 0 ? { tone: "failure" as const } : {}) },
        ],
        width,
        4,
      ),
    );
  }
  for (const { arrow, fromRegion } of incoming) {
    rows.push(...wrapPieces(arrowPieces("←", arrow.from, fromRegion, bucket.region), width, 2));
  }
  if (incoming.length > 0 || count(bucket.replication, "REPLICA") > 0) {
    rows.push(...wrapPieces([{ text: `REPLICA ${count(bucket.replication, "REPLICA")}`, tone: "success" }], width, 4));
  }
  return rows;
};
