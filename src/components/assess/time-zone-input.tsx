"use client";

import { useEffect, useRef } from "react";

/** A hidden field carrying the browser's IANA time zone, so plan dates fall on the person's own days. */
export function TimeZoneInput() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }, []);
  return <input ref={ref} type="hidden" name="timeZone" defaultValue="" />;
}
