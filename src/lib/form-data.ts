/** A form field as text; missing fields and file uploads read as "" (zod validates what follows). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
