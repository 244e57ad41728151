import { ShareControls, type ShareKind } from "@/components/share/share-controls";

export interface SharedLinkEntry {
  linkId: string;
  kind: ShareKind;
  targetId: string;
  label: string;
  /** ISO date the link was created. */
  createdAt: string;
}

/** The user's active read-only links, each with its own revoke (or replace) controls. */
export function SharedLinkList({ links }: { links: SharedLinkEntry[] }) {
  return (
    <ul className="space-y-3">
      {links.map((link) => (
        <li key={link.linkId} className="rounded-xl border border-slate-200 p-3 dark:border-slate-800">
          <p className="mb-2 text-sm font-medium">{link.label}</p>
          <ShareControls
            kind={link.kind}
            targetId={link.targetId}
            active={{ linkId: link.linkId, createdAt: link.createdAt }}
          />
        </li>
      ))}
    </ul>
  );
}
