"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const noZone = () => "";

/**
 * The browser's IANA time zone as a hidden form field (empty in the server render; the server
 * falls back to UTC). Rendered as a controlled value: a hidden input's value is its attribute, so
 * a value set once from an effect was wiped by the next re-render (choosing a role).
 */
export function TimeZoneInput() {
  const zone = useSyncExternalStore(subscribe, browserZone, noZone);
  return <input type="hidden" name="timeZone" value={zone} />;
}
