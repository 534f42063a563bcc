/** One record the ingest could not accept, or a stray line it skipped, with where it was. */
export type IngestIssue = { file: string; line: number; reason: string };

/**
 * Per-file and total counts: every record read is accepted (a new post), merged (a repeat) or rejected; the
 * file's header and banner lines are counted apart (`headerLines`, never records).
 */
export type FileCounts = {
  file: string;
  read: number;
  accepted: number;
  merged: number;
  rejected: number;
  headerLines: number;
};

/** The counts of a file before its first line. */
export function emptyFileCounts(file: string): FileCounts {
  return { file, read: 0, accepted: 0, merged: 0, rejected: 0, headerLines: 0 };
}

/**
 * Whether a file held a page header and no complete record (a capture cut right after its header, or inside
 * its first record): reported as such, and not an error when other inputs have posts.
 */
export function isHeaderOnly(counts: FileCounts): boolean {
  return counts.headerLines > 0 && counts.accepted + counts.merged === 0;
}

/** The summary of one ingest run. */
export type IngestReport = {
  files: FileCounts[];
  read: number;
  accepted: number;
  merged: number;
  rejected: number;
  rejects: IngestIssue[];
  skipped: IngestIssue[];
  /** Lines of page headers and banners (tag, subtopic, topic and event pages), counted apart from records. */
  headerLines: number;
  bytes: number;
  ms: number;
};

/** An empty report for a list of files. */
export function emptyReport(): IngestReport {
  return {
    files: [],
    read: 0,
    accepted: 0,
    merged: 0,
    rejected: 0,
    rejects: [],
    skipped: [],
    headerLines: 0,
    bytes: 0,
    ms: 0,
  };
}

/** Whether the counts add up: read = accepted + merged + rejected, in total and for every file. */
export function isBalanced(report: IngestReport): boolean {
  const ok = (c: { read: number; accepted: number; merged: number; rejected: number }) =>
    c.read === c.accepted + c.merged + c.rejected;
  return ok(report) && report.files.every(ok);
}

/** Add a file's counts to the report's totals. */
export function addFileCounts(report: IngestReport, counts: FileCounts): void {
  report.files.push(counts);
  report.read += counts.read;
  report.accepted += counts.accepted;
  report.merged += counts.merged;
  report.rejected += counts.rejected;
}
