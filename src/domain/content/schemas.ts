import { z } from "zod";

/**
 * Front-matter schemas for the four content kinds. They are the contract content authors rely
 * on (docs/content-guide.md): field names may grow, these stay. Every object is strict so that a typo such as
 * `prerequisite:` is reported instead of silently ignored.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ContentIdSchema = z
  .string({ error: "must be a kebab-case id such as `model-evaluation`" })
  .regex(KEBAB, { error: "must be a kebab-case id such as `model-evaluation`" });

export const LevelSchema = z
  .number({ error: "must be a whole number from 1 to 4" })
  .int({ error: "must be a whole number from 1 to 4" })
  .min(1, { error: "must be a whole number from 1 to 4" })
  .max(4, { error: "must be a whole number from 1 to 4" });

const NonEmptyText = z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" });

const ReplacesSchema = z.array(ContentIdSchema).optional();

export const WeightSchema = z.enum(["core", "supporting"], {
  error: "must be `core` or `supporting`",
});

export const RoleRequirementSchema = z
  .object({ skill: ContentIdSchema, level: LevelSchema, weight: WeightSchema })
  .strict();

export const RoleFrontMatterSchema = z
  .object({
    id: ContentIdSchema,
    title: NonEmptyText,
    summary: NonEmptyText,
    version: z.number({ error: "must be a positive whole number" }).int().positive(),
    requires: z.array(RoleRequirementSchema, { error: "must be a list of { skill, level, weight }" }),
    replaces: ReplacesSchema,
  })
  .strict();

const LevelDescriptor = NonEmptyText;

export const SkillFrontMatterSchema = z
  .object({
    id: ContentIdSchema,
    title: NonEmptyText,
    category: ContentIdSchema,
    prerequisites: z.array(ContentIdSchema, { error: "must be a list of skill ids" }).default([]),
    levels: z
      .object({
        0: LevelDescriptor,
        1: LevelDescriptor,
        2: LevelDescriptor,
        3: LevelDescriptor,
        4: LevelDescriptor,
      }, { error: "must map each level 0–4 to what a person at that level can do" })
      .strict(),
    replaces: ReplacesSchema,
  })
  .strict();

export const QuestionTypeSchema = z.enum(["single", "multiple"], {
  error: "must be `single` or `multiple`",
});

export const QuestionOptionSchema = z
  .object({
    id: ContentIdSchema,
    text: NonEmptyText,
    correct: z.boolean({ error: "must be true or false" }).optional(),
    // Retired ids of this option (it was renamed): answers stored under them still resolve.
    replaces: ReplacesSchema,
  })
  .strict();

export const QuestionFrontMatterSchema = z
  .object({
    id: ContentIdSchema,
    skill: ContentIdSchema,
    level: LevelSchema,
    type: QuestionTypeSchema,
    options: z
      .array(QuestionOptionSchema, { error: "must be a list of { id, text, correct? }" })
      .min(2, { error: "needs at least 2 options" })
      .max(6, { error: "allows at most 6 options" }),
    // Optional calibrated item parameters; without them the engine derives them from `level`.
    difficulty: z.number().min(-4).max(4).optional(),
    discrimination: z.number().positive().max(4).optional(),
    replaces: ReplacesSchema,
  })
  .strict();

export const ModuleFormatSchema = z.enum(["read", "course", "project", "video"], {
  error: "must be one of read, course, project, video",
});

export const ModuleStepSchema = z
  .object({
    skill: ContentIdSchema,
    from: z.number().int().min(0, { error: "must be a level from 0 to 3" }).max(3, { error: "must be a level from 0 to 3" }),
    to: LevelSchema,
  })
  .strict()
  .refine((step) => step.to > step.from, { error: "`to` must be higher than `from`", path: ["to"] })
  .refine((step) => step.to - step.from <= 2, {
    error: "a module lifts at most two levels; split it into smaller modules",
    path: ["to"],
  });

export const ModuleFrontMatterSchema = z
  .object({
    id: ContentIdSchema,
    title: NonEmptyText,
    skills: z.array(ModuleStepSchema, { error: "must be a list of { skill, from, to }" }).min(1, {
      error: "must name at least one skill step",
    }),
    hours: z.number({ error: "must be a number of hours" }).positive({ error: "must be more than 0" }).max(400),
    format: ModuleFormatSchema,
    url: z.url({ protocol: /^https$/, error: "must be an https:// address" }).optional(),
    replaces: ReplacesSchema,
  })
  .strict();

export type RoleFrontMatter = z.infer<typeof RoleFrontMatterSchema>;
export type SkillFrontMatter = z.infer<typeof SkillFrontMatterSchema>;
export type QuestionFrontMatter = z.infer<typeof QuestionFrontMatterSchema>;
export type ModuleFrontMatter = z.infer<typeof ModuleFrontMatterSchema>;
export type RoleRequirement = z.infer<typeof RoleRequirementSchema>;
export type ModuleStep = z.infer<typeof ModuleStepSchema>;
export type QuestionOption = z.infer<typeof QuestionOptionSchema>;
export type Weight = z.infer<typeof WeightSchema>;
export type ModuleFormat = z.infer<typeof ModuleFormatSchema>;
