import { escapeHtml } from "./html-escape";

/** One bar: what it is, its length against the chart's `max`, and the figure written after it. */
export interface Bar {
  label: string;
  value: number;
  note: string;
}

export interface BarChart {
  /** The chart's element id, so a reader (or a test) can find it. */
  id: string;
  /** Said to screen readers, and shown if the SVG is not drawn. */
  description: string;
  bars: readonly Bar[];
  max: number;
}

const LABEL_WIDTH = 230;
const BAR_WIDTH = 300;
const NOTE_WIDTH = 200;
const ROW = 26;
const LABEL_CHARS = 34;

const shortLabel = (label: string): string => ([...label].length > LABEL_CHARS ? `${[...label].slice(0, LABEL_CHARS - 1).join("")}…` : label);

/**
 * A horizontal bar chart as inline SVG: drawn here, so the report needs no script or network to
 * show it. A long label is cut, with the whole of it as the bar's tooltip.
 */
export const barChartSvg = ({ id, description, bars, max }: BarChart): string => {
  const height = Math.max(1, bars.length) * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + NOTE_WIDTH;
  const rows = bars.map((bar, index) => {
    const y = 4 + index * ROW;
    const length = max > 0 ? Math.round((Math.max(0, bar.value) / max) * BAR_WIDTH) : 0;
    return [
      `<g><title>${escapeHtml(`${bar.label}: ${bar.note}`)}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" class="label">${escapeHtml(shortLabel(bar.label))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${BAR_WIDTH}" height="${ROW - 8}" class="track" fill="#eef0f4"/>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${length}" height="${ROW - 8}" class="bar" fill="#2f6fde"/>`,
      `<text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${y + 17}" class="note">${escapeHtml(bar.note)}</text></g>`,
    ].join("");
  });
  const empty = bars.length === 0 ? `<text x="8" y="20" class="note">Nothing yet.</text>` : "";
  return [
    `<svg id="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(description)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    ...rows,
    empty,
    "</svg>",
  ].join("\n");
};
