import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CONTROL_CHARACTER_MESSAGE } from "@/domain/names";
import { parseRoster } from "@/domain/cohort/roster";
import { ProfileSchema, SignUpSchema } from "@/server/accounts";
import { composeMessage } from "@/server/auth/mail";
import { CreateCohortSchema } from "@/server/cohorts/cohorts";
import { StaffSchema } from "@/server/cohorts/roster";
import { RoundSchema } from "@/server/teams/rounds";
import { CreateTeamSchema } from "@/server/teams/teams";
import { parseMessage } from "../../support/outbox";

const HOSTILE = "Ada\r\nBcc: x@evil.example\r\nX-Injected: 1";
const nameError = (result: { success: boolean; error?: z.ZodError }) =>
  result.error ? z.flattenError(result.error).fieldErrors : {};

describe("names cannot carry mail headers", () => {
  it("refuses a team, cohort, round, display, staff or roster name with a line break, as a field error", () => {
    const cohort = {
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      targetRoleId: "mlops-engineer",
      timeZone: "UTC",
    };
    const refused = [
      CreateTeamSchema.safeParse({ name: HOSTILE, targetRoleId: "mlops-engineer" }),
      CreateCohortSchema.safeParse({ name: HOSTILE, ...cohort }),
      RoundSchema.safeParse({ name: HOSTILE }),
      SignUpSchema.safeParse({ name: HOSTILE, email: "ada@example.com", password: "a long passphrase here" }),
      ProfileSchema.safeParse({ name: HOSTILE }),
    ];
    for (const result of refused) expect(nameError(result)).toEqual({ name: [CONTROL_CHARACTER_MESSAGE] });
    // Staff and roster rows share the roster's wording ("line 3: the name …").
    expect(nameError(StaffSchema.safeParse({ name: HOSTILE, email: "ada@example.com" }))).toEqual({
      name: ["the name contains a line break or control character"],
    });
    // A quoted CSV cell can hold a line break: the roster refuses the row and imports nothing.
    expect(parseRoster(`name,email\n"Ada\r\nBcc: x@evil.example",ada@example.com\n`)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ message: "the name contains a line break or control character" })],
    });
  });

  it("composes messages whose headers are exactly nodemailer's, whatever the subject, body or address holds", async () => {
    const inputs = [
      {
        to: "ada@example.com",
        subject: `${HOSTILE} invited you to “T\nX-Injected: 2”`,
        text: `Hi ${HOSTILE}\n`,
      },
      { to: "ada@example.com", subject: "Plain subject", text: "Bcc: in the body is only text\r\n.\r\n" },
      { to: "ada@example.com", subject: "\u2028Bcc: x@evil\u0085X-Injected: 3\u0000", text: "x" },
      { to: "ada@example.com\r\nBcc: x@evil.example", subject: "S", text: "x" },
    ];
    for (const input of inputs) {
      const raw = (await composeMessage(input)).toString("utf8");
      const mail = parseMessage(raw);
      expect([...mail.headerNames].sort()).toEqual([
        "content-transfer-encoding",
        "content-type",
        "date",
        "from",
        "message-id",
        "mime-version",
        "subject",
        "to",
      ]);
      const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
      expect(head).not.toMatch(/^(bcc|x-injected):/im);
      // Every header line is ASCII; non-ASCII and control characters are encoded, not written raw.
      expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    }
  });
});
