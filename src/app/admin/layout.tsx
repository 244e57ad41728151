import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "@/server/identity";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin · Waypoint" },
  robots: { index: false },
};

/**
 * The admin area's frame. It asks for an administrator itself (not only its pages): a page's 404
 * renders inside its layout, and this navigation must not show to anyone else.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <div>
      <AdminNav />
      {children}
    </div>
  );
}
