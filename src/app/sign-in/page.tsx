import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { JsonForm } from "@/components/account/json-form";
import { PageHeader } from "@/components/ui/page-header";
import { safeNextPath } from "@/lib/safe-next";
import { currentUser } from "@/server/identity";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // /home lists the teams and cohorts a person looks after, and sends everyone else on to /me.
  const next = safeNextPath((await searchParams).next, "/home");
  if (await currentUser()) redirect(next);
  return (
    <>
      <PageHeader
        title="Sign in"
        lead="Your assessments and plans from this browser move into your account when you sign in."
      />
      <JsonForm
        endpoint="/api/account/sign-in"
        submitLabel="Sign in"
        successHref={next}
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
      <p className="mt-6 text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline dark:text-brand-100">
          Forgot your password?
        </Link>{" "}
        · No account yet?{" "}
        <Link
          href={`/sign-up?next=${encodeURIComponent(next)}`}
          className="font-medium text-brand-700 underline dark:text-brand-100"
        >
          Create one
        </Link>
      </p>
    </>
  );
}
