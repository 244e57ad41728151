import type { Metadata } from "next";
import { JsonForm } from "@/components/account/json-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <>
      <PageHeader
        title="Reset your password"
        lead="Enter the email address of your account and we will send a link to choose a new password."
      />
      <JsonForm
        endpoint="/api/account/password-reset"
        submitLabel="Send reset link"
        fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
      />
    </>
  );
}
