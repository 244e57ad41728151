"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Ends the session (POST with JSON, like every state change) and goes home. */
export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
  const [isPending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    try {
      await fetch("/api/account/sign-out", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
        credentials: "same-origin",
      });
    } finally {
      router.push("/");
      router.refresh();
    }
  }
  return (
    <button type="button" onClick={signOut} disabled={isPending} className={className}>
      {isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
