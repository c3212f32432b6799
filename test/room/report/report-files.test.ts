import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../../src/room/report/csv";
import { toHtml } from "../../../src/room/report/report-html";
import { roomReport } from "../../../src/room/report/room-report";
import { RoomState } from "../../../src/room/room-state";
import { AGENDA, CLAIM, eventsFor, joined, NOW, scriptedRoom } from "../fixtures/scripted-room";
import { WORKSHOP } from "../fixtures/scripted-workshop";

/** A strict RFC 4180 reader, to prove the CSV reads back as written. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (field += '"'), (index += 1);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") row.push(field), (field = "");
    else if (char === "\r" && text[index + 1] === "\n") {
      row.push(field);
      rows.push(row);
      (row = []), (field = ""), (index += 1);
    } else if (char === '"' || char === "\n" || char === "\r") throw new Error(`bare ${JSON.stringify(char)} at ${index}`);
    else field += char;
  }
  if (field !== "" || row.length > 0) throw new Error("the last row does not end with CRLF");
  return rows;
};

const awkward = 'Zoë "Z" O\'Neil, Jr.';
const hostile = "<script>alert('pwned')</script>";
const roomWithAwkwardNames = () => {
  const zoe = eventsFor("p-zoe");
  const evil = eventsFor("p-evil");
  return scriptedRoom([
    joined("p-zoe", awkward, "3", 5),
    joined("p-evil", hostile, "=1+1", 5),
    zoe({ kind: "preflight", checks: [{ name: "Node version", ok: true, detail: "20.19" }, { name: "clock skew", ok: false, detail: "17 min behind" }] }, 6),
    zoe({ kind: "checkFailed", ...CLAIM, failed: [{ expectation: "a line\nbreak", reason: "=cmd|' /C calc'!A0" }] }, 20),
    evil({ kind: "quizAnswer", block: "exam", questionId: "q-crr", mode: "exam", correct: false, answer: '<img src=x onerror="alert(1)">' }, 21),
  ]);
};

describe("the room's report as CSV", () => {
  it("quotes fields with commas, quotes and line breaks, and reads back as written", () => {
    expect(csvField('say "hi", then\r\ngo')).toBe('"say ""hi"", then\r\ngo"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(3)).toBe("3");
    const rows = parseCsv(toCsv(roomReport(roomWithAwkwardNames(), WORKSHOP, NOW)));
    expect(rows[0]).toEqual([
      "name",
      "table",
      "blocks completed",
      "completed: Welcome",
      "completed: Names are global",
      "completed: The exam",
      "steps passed",
      "checks passed",
      "checks failed",
      "hints",
      "solves",
      "The exam: score",
      "The exam: out of",
      "The exam: passed",
      "pre-flight",
    ]);
    expect(rows.find((row) => row[0] === "Cy")).toEqual(["Cy", "2", "3", "yes", "yes", "yes", "3", "3", "1", "0", "1", "8", "10", "yes", ""]);
    expect(rows.find((row) => row[0] === awkward)?.at(-1)).toBe("clock skew: 17 min behind");
    expect(rows.find((row) => row[0] === awkward)?.slice(0, 3)).toEqual([awkward, "3", "0"]);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
  });

  it("keeps a formula a participant typed from running in a spreadsheet", () => {
    const rows = parseCsv(toCsv(roomReport(roomWithAwkwardNames(), WORKSHOP, NOW)));
    expect(rows.find((row) => row[0] === hostile)?.[1]).toBe("'=1+1");
    const checks = parseCsv(toCsv(roomReport(roomWithAwkwardNames(), WORKSHOP, NOW), "checks"));
    expect(checks[0]).toEqual(["block", "lesson", "step", "title", "failures", "participants failing", "participants passed", "reasons"]);
    expect(checks[1]![7]).toContain("=cmd|' /C calc'!A0 (a line\nbreak): 1 participants");
  });

  it("has the questions' answer distribution as a table of its own", () => {
    const questions = parseCsv(toCsv(roomReport(roomWithAwkwardNames(), WORKSHOP, NOW), "questions"));
    expect(questions.find((row) => row[1] === "q-crr")).toEqual([
      "exam",
      "q-crr",
      "2",
      "0",
      "0",
      // Ties in alphabetical order.
      '<img src=x onerror="alert(1)"> ×1; Versioning is optional ×1',
    ]);
  });
});

it("makes every form of the report for a room nobody has joined yet", () => {
  const empty = roomReport(new RoomState(AGENDA), WORKSHOP, NOW);
  expect(empty.participantCount).toBe(0);
  expect(empty.blocks.map((block) => block.percent)).toEqual([0, 0, 0]);
  expect(parseCsv(toCsv(empty))).toHaveLength(1);
  expect(toHtml(empty).match(/Nothing yet\./g)).toHaveLength(1);
});

describe("the room's report as one HTML file", () => {
  const html = toHtml(roomReport(roomWithAwkwardNames(), WORKSHOP, NOW));

  it("draws the three charts as inline SVG, with nothing fetched and no script", () => {
    for (const id of ["chart-completion", "chart-most-failed", "chart-exam-scores"]) expect(html).toMatch(new RegExp(`<svg id="${id}" role="img"`));
    expect(html).toContain("Completion per block");
    expect(html).toContain("4 of 6 (67%)");
    expect(html).toContain("4 participants · 6 failures");
    expect(html).toMatch(/80–89%<\/text>.*?1 participant</s);
    expect(html).not.toMatch(/<script|<link|src="http|href="http|@import|url\(/i);
    // Each chart is well-formed SVG on its own, so it also opens when copied out of the page.
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(3);
    for (const chart of charts) expect(XMLValidator.validate(chart)).toBe(true);
  });

  it("escapes what participants typed: a name like <script> and an answer with markup", () => {
    expect(html).not.toContain(hostile);
    expect(html).toContain("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain(`Zoë &quot;Z&quot; O&#39;Neil, Jr.`);
  });
});
