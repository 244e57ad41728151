/** Admin times in UTC, to the minute: the server's record, the same for every administrator. */
const MOMENT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const formatMoment = (date: Date | string): string => MOMENT.format(new Date(date));

export const cardClass =
  "rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900";
