import type { WorldMrap, WorldSnapshot } from "../../../targets/world/world-snapshot";
import { bucketCell } from "./bucket-cell";
import { wrapLines } from "../../text";
import { cut, fitRow, wrapPieces, type Row } from "./world-row";

/**
 * The world as rows `width` columns wide: Regions side by side while each column gets at least
 * MIN_COLUMN (narrower columns wrap their words onto more rows), else one Region under another.
 * Below them the MRAPs as box lines spanning their Regions, taken names, and what was not seen.
 */

export const MIN_COLUMN = 22;
const GAP = " │ ";

export type WorldLayout = "columns" | "stacked";

export const layoutFor = (regionCount: number, width: number): WorldLayout =>
  regionCount <= 1 || columnWidth(regionCount, width) >= MIN_COLUMN ? "columns" : "stacked";

const columnWidth = (regionCount: number, width: number): number => Math.floor((width - GAP.length * (regionCount - 1)) / Math.max(1, regionCount));

/** Every Region to draw: the snapshot's, then any a bucket names that it left out. */
const regionsOf = (world: WorldSnapshot): string[] => {
  const regions = [...world.regions];
  for (const bucket of world.buckets) if (!regions.includes(bucket.region)) regions.push(bucket.region);
  return regions;
};

/** One Region's rows: its name, a rule, then each of its buckets (or "no buckets"). */
const regionCells = (world: WorldSnapshot, region: string, width: number): Row[] => {
  const buckets = world.buckets.filter((bucket) => bucket.region === region);
  const regionOf = (name: string) => world.buckets.find((bucket) => bucket.name === name)?.region;
  const taken = new Set(world.takenNames ?? []);
  const rows: Row[] = [
    [{ text: cut(`${region} · ${counted(buckets.length, "bucket")}`, width), tone: "heading", bold: true }],
    [{ text: "─".repeat(width), tone: "muted" }],
  ];
  if (buckets.length === 0) rows.push([{ text: "(no buckets)", tone: "muted" }]);
  for (const bucket of buckets) {
    rows.push(
      ...bucketCell(
        {
          bucket,
          outgoing: world.replication.filter((arrow) => arrow.from === bucket.name),
          incoming: world.replication.filter((arrow) => arrow.to === bucket.name).map((arrow) => ({ arrow, ...optional("fromRegion", regionOf(arrow.from)) })),
          taken: taken.has(bucket.name),
        },
        width,
      ),
    );
  }
  return rows;
};

const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

/** Columns side by side, row by row, each padded to its width. */
const sideBySide = (cells: readonly Row[][], width: number): Row[] => {
  const height = Math.max(...cells.map((cell) => cell.length));
  const rows: Row[] = [];
  for (let index = 0; index < height; index++) {
    const row: Row = [];
    cells.forEach((cell, column) => {
      if (column > 0) row.push({ text: GAP, tone: "muted" });
      row.push(...fitRow(cell[index] ?? [], width));
    });
    rows.push(row);
  }
  return rows;
};

const mrapLabel = (mrap: WorldMrap): string => `MRAP ${mrap.name} · ${mrap.status}`;

/** ╞═ MRAP name · READY ═══╡ under the columns it spans; the buckets it routes to are above it. */
const mrapBox = (mrap: WorldMrap, regions: readonly string[], width: number): Row | undefined => {
  const spanned = mrap.regions.map((entry) => regions.indexOf(entry.region)).filter((index) => index >= 0);
  if (spanned.length === 0) return undefined;
  const first = Math.min(...spanned);
  const last = Math.max(...spanned);
  const start = first * (width + GAP.length);
  const span = (last - first) * (width + GAP.length) + width;
  const label = cut(` ${mrapLabel(mrap)} `, Math.max(0, span - 4));
  const fill = Math.max(0, span - 3 - [...label].length);
  return [{ text: " ".repeat(start) }, { text: `╞═${label}${"═".repeat(fill)}╡`, tone: "accent" }];
};

/** The MRAP in words, for the stacked list (and one whose Regions are not drawn). */
const mrapLines = (mrap: WorldMrap, width: number): Row[] =>
  wrapPieces(
    [{ text: `╞ ${mrapLabel(mrap)} ╡`, tone: "accent" }, ...mrap.regions.map((entry, index) => ({ text: `${entry.region}: ${entry.bucket}`, ...(index === 0 ? { sep: " " } : {}) }))],
    width,
  );

export const worldRows = (world: WorldSnapshot, width: number): Row[] => {
  const regions = regionsOf(world);
  const rows: Row[] = [
    [
      { text: "S3 world", tone: "heading", bold: true },
      { text: cut(` · ${counted(regions.length, "Region")} · ${counted(world.buckets.length, "bucket")} · read ${world.at.slice(11, 19)} UTC`, Math.max(0, width - 8)), tone: "muted" },
    ],
  ];
  const layout = layoutFor(regions.length, width);
  if (layout === "columns") {
    const each = regions.length <= 1 ? width : columnWidth(regions.length, width);
    rows.push(...sideBySide(regions.map((region) => regionCells(world, region, each)), each));
    for (const mrap of world.mraps) {
      const box = mrapBox(mrap, regions, each);
      rows.push(...(box ? [box] : mrapLines(mrap, width)));
    }
  } else {
    for (const region of regions) rows.push([], ...regionCells(world, region, width));
    if (world.mraps.length > 0) rows.push([]);
    for (const mrap of world.mraps) rows.push(...mrapLines(mrap, width));
  }
  const drawn = new Set(world.buckets.map((bucket) => bucket.name));
  const takenElsewhere = (world.takenNames ?? []).filter((name) => !drawn.has(name));
  if (takenElsewhere.length > 0) {
    rows.push(...wrapPieces([{ text: "✗ taken by another account:", tone: "failure" }, ...takenElsewhere.map((name, index) => ({ text: name, ...(index === 0 ? { sep: " " } : {}) }))], width));
  }
  for (const line of world.unseen) rows.push(...wrapLines(`? not seen: ${line}`, width).map((text): Row => [{ text, tone: "muted" }]));
  return rows;
};
