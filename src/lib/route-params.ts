import { z } from "zod";

/**
 * Route parameters are input too: an id segment is letters, digits, "_" and "-" (cuid, our
 * prefixed random ids, base64url tokens), at most 128 characters. Anything else is answered like
 * an unknown id (404) before it reaches a query.
 */
export const RouteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

export async function readIdParam<K extends string>(
  params: Promise<Record<K, string>>,
  key: K,
): Promise<string | null> {
  const parsed = RouteIdSchema.safeParse((await params)[key]);
  return parsed.success ? parsed.data : null;
}
