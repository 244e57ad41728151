import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { SendMailOptions } from "nodemailer";
import { env } from "@/env";
import { logEvent } from "../log";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: SMTP when SMTP_URL is set, otherwise files in DATA_DIR/outbox/. */
export interface MailTransport {
  readonly kind: "smtp" | "outbox";
  send(message: MailMessage): Promise<void>;
}

export function outboxDir(): string {
  return path.join(env.DATA_DIR, "outbox");
}

/**
 * Every message, whichever transport carries it, is built by nodemailer from these options: its
 * composer encodes each header value (a CR or LF in a name or subject can never start a header
 * line of its own) and the body (quoted-printable when it is not plain 7-bit ASCII). Messages
 * never read files or URLs.
 */
function mailOptions(message: MailMessage): SendMailOptions {
  return {
    from: env.MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    textEncoding: "quoted-printable",
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

/** The message exactly as it would go over SMTP (RFC 5322, CRLF line ends). */
export async function composeMessage(message: MailMessage): Promise<Buffer> {
  const info = await composer.sendMail(mailOptions(message));
  return info.message as Buffer;
}

/**
 * The default transport: each composed message becomes one .eml file (mode 600) an operator can
 * open in a mail client. The log says only that a message was written, never its recipient,
 * token or link.
 */
function createOutboxTransport(dir: string): MailTransport {
  return {
    kind: "outbox",
    async send(message) {
      const composed = await composeMessage(message);
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      fs.writeFileSync(path.join(dir, name), composed, { mode: 0o600 });
      logEvent("info", "mail.outbox", { file: name });
    },
  };
}

function createSmtpTransport(url: string): MailTransport {
  // Short timeouts: a stuck server fails the attempt (the queue retries) instead of holding it.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail(mailOptions(message));
      logEvent("info", "mail.sent", {});
    },
  };
}

let transport: MailTransport | undefined;

export function mailTransport(): MailTransport {
  transport ??= env.SMTP_URL ? createSmtpTransport(env.SMTP_URL) : createOutboxTransport(outboxDir());
  return transport;
}

/** Sends at once (auth mail: verification and reset links); invitations go through the queue. */
export async function sendMail(message: MailMessage): Promise<void> {
  await mailTransport().send(message);
}

/** True when a mail server is configured: email verification is required only then. */
export function isSmtpConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}
