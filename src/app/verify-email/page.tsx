import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { verifyEmail } from "@/server/accounts";

export const metadata: Metadata = {
  title: "Confirm your email",
  robots: { index: false },
  referrer: "no-referrer",
};

const TokenSchema = z.string().min(8).max(2000);

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = TokenSchema.safeParse((await searchParams).token);
  const isVerified = token.success && (await verifyEmail(token.data));
  return (
    <>
      <PageHeader
        title={isVerified ? "Email confirmed" : "This link is not valid"}
        lead={
          isVerified
            ? "Thank you. You can sign in now."
            : "The confirmation link has expired or was already used. Sign in to get a new one."
        }
      />
      <Link href="/sign-in" className="font-medium text-brand-700 underline dark:text-brand-100">
        Sign in
      </Link>
    </>
  );
}
