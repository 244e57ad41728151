import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { listItemStatistics } from "@/server/item-statistics";
import { clearDemoResponses, seedDemoResponses } from "../../scripts/lib/demo-responses";

const total = (rows: Awaited<ReturnType<typeof listItemStatistics>>) =>
  rows.reduce((sum, row) => sum + row.responses, 0);

describe("demo answers from db:seed -- --demo", () => {
  it("are simulated through the engine, stored as demo, shown only in the demo view, and replaced on re-seed", async () => {
    await clearDemoResponses();
    const liveBefore = total(await listItemStatistics());
    const seeded = await seedDemoResponses(6, 7, 2);
    expect(seeded.records).toBeGreaterThanOrEqual(6 * 9); // the engine asks at least 9 questions
    const rows = await db.responseRecord.findMany({ where: { demo: true } });
    expect(rows).toHaveLength(seeded.records);
    expect(rows.every((row) => row.abilityOther !== null && row.msOnItem !== null)).toBe(true);
    // Live statistics never include them; the demo view shows exactly them.
    expect(total(await listItemStatistics())).toBe(liveBefore);
    expect(total(await listItemStatistics({}, { demo: true }))).toBe(seeded.records);
    // Re-seeding replaces rather than adds.
    await clearDemoResponses();
    const again = await seedDemoResponses(6, 7, 2);
    expect(await db.responseRecord.count({ where: { demo: true } })).toBe(again.records);
    expect(again.records).toBe(seeded.records); // same seed, same simulated answers
    expect(Object.values(again.faults).flat()).toHaveLength(14);
  });
});
