import type { ContentFile } from "@/domain/content/types";

/**
 * The smallest content tree that passes validation: one role needing eight skills (five core),
 * each skill with one question and one module. Tests overlay broken files on top of it.
 */
export const FACTORY_SKILLS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"] as const;

export function skillFile(id: string, prerequisites: string[] = []): ContentFile {
  return {
    path: `skills/${id}.md`,
    text: `---
id: ${id}
title: Skill ${id}
category: testing
prerequisites: [${prerequisites.join(", ")}]
levels:
  0: Has not used ${id}.
  1: Explains what ${id} is for.
  2: Uses ${id} with guidance.
  3: Uses ${id} independently and debugs it.
  4: Designs systems around ${id}.
---
What ${id} covers.
`,
  };
}

export function questionFile(skill: string, slug = "basic", level = 1): ContentFile {
  return {
    path: `questions/${skill}/${slug}.md`,
    text: `---
id: ${skill}-${slug}
skill: ${skill}
level: ${level}
type: single
options:
  - id: first
    text: The first plausible answer
  - id: second
    text: The second plausible answer
    correct: true
  - id: third
    text: The third plausible answer
---
Which answer is right for ${skill}?

## Explanation
The second one, because the others are not.
`,
  };
}

export function moduleFile(skill: string, from = 0, to = 2, hours = 4): ContentFile {
  return {
    path: `modules/${skill}-intro.md`,
    text: `---
id: ${skill}-intro
title: Learn ${skill}
skills:
  - { skill: ${skill}, from: ${from}, to: ${to} }
hours: ${hours}
format: read
---
Read about ${skill}; you are done when you can explain it.
`,
  };
}

export function roleFile(id: string, requirements: { skill: string; level: number; weight: "core" | "supporting" }[]): ContentFile {
  return {
    path: `roles/${id}.md`,
    text: `---
id: ${id}
title: Role ${id}
summary: A role used in tests.
version: 1
requires:
${requirements.map((r) => `  - { skill: ${r.skill}, level: ${r.level}, weight: ${r.weight} }`).join("\n")}
---
## What the work is
Testing.
`,
  };
}

export function factoryRequirements() {
  return FACTORY_SKILLS.map((skill, index) => ({
    skill,
    level: 2,
    weight: index < 5 ? ("core" as const) : ("supporting" as const),
  }));
}

export function buildValidContentFiles(): ContentFile[] {
  return [
    roleFile("test-role", factoryRequirements()),
    ...FACTORY_SKILLS.map((skill, index) => skillFile(skill, index > 0 ? [FACTORY_SKILLS[index - 1] as string] : [])),
    ...FACTORY_SKILLS.map((skill) => questionFile(skill)),
    ...FACTORY_SKILLS.map((skill) => moduleFile(skill)),
  ];
}

/** Replaces files with the same path and adds the rest. */
export function overlay(base: ContentFile[], extra: ContentFile[]): ContentFile[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  for (const file of extra) byPath.set(file.path, file);
  return [...byPath.values()];
}
