/**
 * The quiz lengths a person can choose when starting an assessment, as the start form and the
 * results page's Reassess offer them. The server accepts exactly these (BUDGET_CHOICES).
 */
export const QUIZ_LENGTH_OPTIONS = [
  { value: "15", label: "Up to 15 questions (quicker, less certain)" },
  { value: "20", label: "Up to 20 questions" },
  { value: "30", label: "Up to 30 questions (recommended)" },
] as const;

export const DEFAULT_QUIZ_LENGTH = "30";
