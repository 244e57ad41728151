import fs from "node:fs";
import path from "node:path";

/**
 * Reads the messages the outbox transport wrote (one RFC 5322 .eml file each, composed by
 * nodemailer): headers unfolded and their encoded words decoded, the body decoded from
 * quoted-printable, so tests can look for recipients, subjects and links in plain text.
 */
export interface OutboxMail {
  file: string;
  /** Header names lower-cased, in order, as written. */
  headerNames: string[];
  headers: Record<string, string>;
  to: string;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r?\n/g, "");
  for (let index = 0; index < joined.length; index++) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else bytes.push(...Buffer.from(joined[index] as string, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, encoding: string, data: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

export function parseMessage(raw: string, file = ""): OutboxMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const headerNames: string[] = [];
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).toLowerCase();
    headerNames.push(name);
    headers[name] = decodeEncodedWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { file, headerNames, headers, to: headers.to ?? "", subject: headers.subject ?? "", text };
}

/** Every message in `dir`, newest first. */
export function readOutbox(dir: string): OutboxMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .reverse()
    .map((file) => parseMessage(fs.readFileSync(path.join(dir, file), "utf8"), file));
}

/** The newest message to `email` in `dir`, or undefined. */
export function lastMailTo(dir: string, email: string): OutboxMail | undefined {
  return readOutbox(dir).find((mail) => mail.to === email);
}
