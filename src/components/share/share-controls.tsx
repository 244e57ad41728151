"use client";

import { useId, useState } from "react";

export type ShareKind = "results" | "plan";

export interface ActiveLink {
  linkId: string;
  /** ISO date the link was created. */
  createdAt: string;
}

const NOUN: Record<ShareKind, string> = { results: "these results", plan: "this plan" };

const buttonClass =
  "rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:border-brand-600 disabled:opacity-60 dark:border-slate-600";

async function errorMessage(response: Response): Promise<string> {
  if (response.status === 401) return "Your session has ended. Sign in again to manage share links.";
  if (response.status === 404) return "That link or item no longer exists. Reload the page.";
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // Not JSON: fall through to the generic message.
  }
  return "Something went wrong. Try again in a moment.";
}

/**
 * Create, copy and revoke the read-only link to one result or plan. The token is shown once,
 * right after it is created (only its hash is stored), so an owner who lost it creates a new one,
 * which also stops the old one working.
 */
export function ShareControls({
  kind,
  targetId,
  active,
}: {
  kind: ShareKind;
  targetId: string;
  active: ActiveLink | null;
}) {
  const [activeLink, setActiveLink] = useState<ActiveLink | null>(active);
  const [url, setUrl] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [isBusy, setIsBusy] = useState(false);
  const inputId = useId();

  async function create() {
    setIsBusy(true);
    setStatus("");
    try {
      const response = await fetch("/api/share", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ kind, targetId }),
      });
      if (!response.ok) {
        setStatus(await errorMessage(response));
        return;
      }
      const body = (await response.json()) as { linkId: string; url: string };
      setUrl(new URL(body.url, window.location.origin).toString());
      setActiveLink({ linkId: body.linkId, createdAt: new Date().toISOString() });
      setStatus(
        activeLink
          ? "New link created; the previous link no longer works."
          : "Link created. Anyone with it can view a read-only copy.",
      );
    } catch {
      setStatus("Could not reach Waypoint. Check your connection and try again.");
    } finally {
      setIsBusy(false);
    }
  }

  async function revoke() {
    if (!activeLink) return;
    setIsBusy(true);
    setStatus("");
    try {
      const response = await fetch(`/api/share/${encodeURIComponent(activeLink.linkId)}`, {
        method: "DELETE",
      });
      if (!response.ok) {
        setStatus(await errorMessage(response));
        return;
      }
      setActiveLink(null);
      setUrl(null);
      setStatus("Link revoked. It no longer opens anything.");
    } catch {
      setStatus("Could not reach Waypoint. Check your connection and try again.");
    } finally {
      setIsBusy(false);
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
    } catch {
      setStatus("Copying is blocked in this browser: select the link and copy it yourself.");
    }
  }

  return (
    <div className="space-y-2 text-sm print:hidden">
      {url ? (
        <div className="flex flex-wrap items-end gap-2">
          <label htmlFor={inputId} className="w-full font-medium">
            Read-only link to {NOUN[kind]}
          </label>
          <input
            id={inputId}
            type="text"
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          />
          <button type="button" onClick={copy} className={buttonClass}>
            Copy link
          </button>
        </div>
      ) : (
        activeLink && (
          <p>
            A read-only link to {NOUN[kind]} is active since{" "}
            {new Date(activeLink.createdAt).toLocaleDateString("en-GB", {
              day: "numeric",
              month: "short",
              year: "numeric",
              timeZone: "UTC",
            })}
            .
          </p>
        )
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={create} disabled={isBusy} className={buttonClass}>
          {activeLink ? "Create a new link" : "Create a read-only link"}
        </button>
        {activeLink && (
          <button type="button" onClick={revoke} disabled={isBusy} className={buttonClass}>
            Revoke link
          </button>
        )}
      </div>
      <p aria-live="polite" role="status" className="min-h-5 text-slate-700 dark:text-slate-300">
        {status}
      </p>
    </div>
  );
}
