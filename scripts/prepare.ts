import { prepareInstance } from "./lib/prepare-instance";

// Runs before `next dev`: the same content validation and migrations as `npm start`.
await prepareInstance();
