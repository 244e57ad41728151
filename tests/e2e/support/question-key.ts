import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";

interface QuestionFile {
  options: { id: string; text: string; correct?: boolean }[];
  explanation: string;
}

/** Reads a question's key and explanation straight from content, to check they never reach the browser early. */
export function readQuestion(questionId: string): QuestionFile {
  const root = path.resolve("content/questions");
  for (const skill of fs.readdirSync(root)) {
    for (const file of fs.readdirSync(path.join(root, skill))) {
      const parsed = matter(fs.readFileSync(path.join(root, skill, file), "utf8"));
      if (parsed.data.id === questionId) {
        const body = parsed.content;
        const explanation = body.slice(body.indexOf("## Explanation") + "## Explanation".length).trim();
        return { options: parsed.data.options as QuestionFile["options"], explanation };
      }
    }
  }
  throw new Error(`question ${questionId} not found in content`);
}
