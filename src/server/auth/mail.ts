import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
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
 * The default transport: each message becomes one file (mode 600) an operator can open. The log
 * says only that a message was written, never its recipient, token or link.
 */
function createOutboxTransport(dir: string): MailTransport {
  return {
    kind: "outbox",
    async send(message) {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      const body = [
        `From: ${env.MAIL_FROM}`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        `Date: ${new Date().toUTCString()}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        message.text,
        "",
      ].join("\r\n");
      fs.writeFileSync(path.join(dir, name), body, { mode: 0o600 });
      logEvent("info", "mail.outbox", { file: name });
    },
  };
}

async function createSmtpTransport(url: string): Promise<MailTransport> {
  const nodemailer = await import("nodemailer");
  const transport = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({
        from: env.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      logEvent("info", "mail.sent", { subject: message.subject });
    },
  };
}

let transport: Promise<MailTransport> | undefined;

export function mailTransport(): Promise<MailTransport> {
  transport ??= env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL)
    : Promise.resolve(createOutboxTransport(outboxDir()));
  return transport;
}

export async function sendMail(message: MailMessage): Promise<void> {
  await (await mailTransport()).send(message);
}

/** True when a mail server is configured: email verification is required only then. */
export function isSmtpConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}
