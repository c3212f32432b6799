import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import { MergeRefused, type ReportToMerge } from "./merge";
import { boundedText, describeIssue, participantEventSchema, printableText } from "./participant-event-schema";
import { PARTICIPANT_REPORT_KIND, ROOM_PROTOCOL, type ParticipantReportFile } from "./protocol";

/** A participant's whole workshop is a few thousand events; a file far larger is not a report. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/** A report file that cannot be merged, said as `file: what is wrong`. */
export class ReportFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "ReportFileError";
  }
}

const reportSchema = z.object({
  kind: z.literal(PARTICIPANT_REPORT_KIND),
  protocol: z.number().int(),
  workshopId: boundedText(200),
  participantId: printableText(1, 100),
  name: printableText(1, 40),
  table: printableText(1, 16).optional(),
  events: z.array(participantEventSchema).max(1_000_000),
});

/** The report in `text`, checked field by field: nothing in it is trusted until it parses. */
export const parseParticipantReport = (file: string, text: string): ParticipantReportFile => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(file, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ReportFileError(file, "not a participant report (a JSON object is expected)");
  const { kind, protocol } = value as { kind?: unknown; protocol?: unknown };
  if (kind !== PARTICIPANT_REPORT_KIND) {
    throw new ReportFileError(file, `not a participant report (kind is ${JSON.stringify(kind) ?? "missing"}; made by \`s3-tutor report --out\`, it says "${PARTICIPANT_REPORT_KIND}")`);
  }
  if (typeof protocol === "number" && protocol > ROOM_PROTOCOL) {
    throw new ReportFileError(file, `made by a newer s3-tutor (protocol ${protocol}, this one reads ${ROOM_PROTOCOL}); update s3-tutor to merge it`);
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) throw new ReportFileError(file, describeIssue(parsed.error, "the report"));
  return parsed.data as ParticipantReportFile;
};

/** Reads and checks one report file; every failure is a ReportFileError naming the file. */
export const readParticipantReport = async (file: string): Promise<ReportToMerge> => {
  let text: string;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_REPORT_BYTES) throw new ReportFileError(file, `too large to be a participant report (${size} bytes; at most ${MAX_REPORT_BYTES})`);
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof ReportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportFileError(file, code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : `cannot be read (${code ?? String(error)})`);
  }
  return { source: file, report: parseParticipantReport(file, text) };
};

/** Reads every file; a MergeRefused names every bad one (not just the first), so one run lists all to fix. */
export const readParticipantReports = async (files: readonly string[]): Promise<ReportToMerge[]> => {
  const results = await Promise.allSettled(files.map(readParticipantReport));
  const problems = results.flatMap((result) => (result.status === "rejected" ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : []));
  if (problems.length > 0) throw new MergeRefused(problems);
  return results.map((result) => (result as PromiseFulfilledResult<ReportToMerge>).value);
};
