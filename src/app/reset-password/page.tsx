import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { JsonForm } from "@/components/account/json-form";
import { PASSWORD_HINT } from "@/components/account/password-hint";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = {
  title: "Choose a new password",
  robots: { index: false },
  referrer: "no-referrer",
};

const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{8,200}$/);

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = TokenSchema.safeParse((await searchParams).token);
  if (!token.success) {
    return (
      <>
        <PageHeader
          title="This link is not valid"
          lead="The reset link is incomplete. Open it again from the message, or ask for a new one."
        />
        <Link href="/forgot-password" className="font-medium text-brand-700 underline dark:text-brand-100">
          Ask for a new reset link
        </Link>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Choose a new password"
        lead="After the change, every device signed in to your account is signed out."
      />
      <JsonForm
        endpoint="/api/account/password-reset/confirm"
        submitLabel="Set new password"
        successHref="/sign-in?reset=1"
        fields={[
          { name: "token", label: "Reset token", type: "hidden", defaultValue: token.data },
          {
            name: "newPassword",
            label: "New password",
            type: "password",
            autoComplete: "new-password",
            hint: PASSWORD_HINT,
          },
        ]}
      />
    </>
  );
}
