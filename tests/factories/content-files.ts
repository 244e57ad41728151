import type { ContentFile } from "@/domain/content/types";

/**
 * The smallest content tree that passes validation: one role needing eight skills (five core),
 * each skill with the minimum bank (two questions per level) and one module lifting it 0 → 2.
 * Tests overlay broken files on top of it.
 */
export const FACTORY_SKILLS = [
  "alpha",
  "bravo",
  "charlie",
  "delta",
  "echo",
  "foxtrot",
  "golf",
  "hotel",
] as const;

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

const OPTION_IDS = ["one", "four", "seven", "eleven"] as const;

/**
 * A single-answer question with four options of distinct but close lengths (24–27 characters, in
 * file order), the key at `keyIndex`: its position fixes its length rank, so a bank whose keys
 * rotate over positions gives no guessing strategy an edge.
 */
export function questionFile(skill: string, slug = "basic", level = 1, keyIndex = 1): ContentFile {
  const options = OPTION_IDS.map(
    (id, index) =>
      `  - id: ${id}\n    text: The ${id} plausible answer${index === keyIndex ? "\n    correct: true" : ""}`,
  ).join("\n");
  return {
    path: `questions/${skill}/${slug}.md`,
    text: `---
id: ${skill}-${slug}
skill: ${skill}
level: ${level}
type: single
options:
${options}
---
Which answer is right for ${skill}?

## Explanation
The ${OPTION_IDS[keyIndex]} one, because the others are not.
`,
  };
}

/** Two questions per level 1–4 for a skill (the bank minimum), the key at each position twice. */
export function questionBank(skill: string, skillIndex = 0): ContentFile[] {
  return [1, 2, 3, 4].flatMap((level) =>
    [0, 1].map((copy) =>
      questionFile(skill, `level-${level}-${copy}`, level, (skillIndex + level * 2 + copy) % 4),
    ),
  );
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

export function roleFile(
  id: string,
  requirements: { skill: string; level: number; weight: "core" | "supporting" }[],
): ContentFile {
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
    ...FACTORY_SKILLS.map((skill, index) =>
      skillFile(skill, index > 0 ? [FACTORY_SKILLS[index - 1] as string] : []),
    ),
    ...FACTORY_SKILLS.flatMap((skill, index) => questionBank(skill, index)),
    ...FACTORY_SKILLS.map((skill) => moduleFile(skill)),
  ];
}

/** Replaces files with the same path and adds the rest. */
export function overlay(base: ContentFile[], extra: ContentFile[]): ContentFile[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  for (const file of extra) byPath.set(file.path, file);
  return [...byPath.values()];
}
