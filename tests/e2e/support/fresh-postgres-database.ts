import { withAdmin } from "../../support/postgres";
import { e2eDatabaseName } from "./postgres";

// Drops and creates the end-to-end PostgreSQL database for E2E_PORT; `npm start` migrates it.
const name = e2eDatabaseName(Number(process.env.E2E_PORT ?? 3100));
await withAdmin(async (client) => {
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
});
console.log(`Created the PostgreSQL database ${name} for the end-to-end smoke.`);
