import { createHash } from "node:crypto";

/**
 * One question's own content hash: SHA-256 over its file's text, normalised so that what does not
 * change the question (line endings, trailing spaces, blank lines at either end) does not change
 * the hash. Evidence about an item (the response record, calibration) is keyed by it, so editing
 * one question starts only that question's evidence afresh.
 */
export function hashQuestionText(text: string): string {
  const normalised = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
  return createHash("sha256").update(normalised).digest("hex");
}
