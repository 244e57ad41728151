import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { JsonForm } from "@/components/account/json-form";
import { PASSWORD_HINT } from "@/components/account/password-hint";
import { PageHeader } from "@/components/ui/page-header";
import { safeNextPath } from "@/lib/safe-next";
import { isSmtpConfigured } from "@/server/auth/mail";
import { currentUser } from "@/server/identity";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  const needsVerification = isSmtpConfigured();
  return (
    <>
      <PageHeader
        title="Create an account"
        lead="An account keeps your assessment history and learning plans, including what you did in this browser before signing up. Nothing else is needed to use Waypoint."
      />
      <JsonForm
        endpoint="/api/account/sign-up"
        submitLabel="Create account"
        {...(needsVerification
          ? { successMessage: "Check your inbox: we sent you a link to confirm your email address." }
          : { successHref: next })}
        fields={[
          { name: "name", label: "Display name", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: PASSWORD_HINT,
          },
        ]}
      />
      <p className="mt-6 text-sm">
        Already have an account?{" "}
        <Link
          href={`/sign-in?next=${encodeURIComponent(next)}`}
          className="font-medium text-brand-700 underline dark:text-brand-100"
        >
          Sign in
        </Link>
        . What we store and why:{" "}
        <Link href="/privacy" className="font-medium text-brand-700 underline dark:text-brand-100">
          privacy
        </Link>
        .
      </p>
    </>
  );
}
