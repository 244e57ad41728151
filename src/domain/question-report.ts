/** Why a person reports a question; the keys are stored, the labels shown. */
export const REPORT_REASONS = {
  "wrong-key": "The marked answer is wrong",
  unclear: "The question is unclear or ambiguous",
  outdated: "It is out of date",
  typo: "Typo or broken formatting",
  other: "Something else",
} as const;

export type ReportReason = keyof typeof REPORT_REASONS;
export const REPORT_REASON_IDS = Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]];
