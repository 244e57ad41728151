import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/** A module of src/<dir> imported by alias (`@/server/db`) or by a relative path (`../../server/db`). */
const layer = (dir) => `^(@/|(\\.\\.?/)+)${dir}(/|$)`;

const nothingFromApp = { regex: layer("app"), message: "Nothing imports from src/app." };

/**
 * Node modules that reach outside the process: files, processes, network, threads. `node:path` and
 * `node:crypto` are allowed in src/domain because they are computation on values (path strings,
 * hashes), not I/O, and src/domain/content uses createHash for content fingerprints.
 */
const nodeIo = [
  "fs",
  "fs/promises",
  "child_process",
  "net",
  "http",
  "https",
  "http2",
  "dgram",
  "dns",
  "tls",
  "worker_threads",
  "cluster",
  "os",
  "readline",
  "sqlite",
];

/** Options of @typescript-eslint/no-restricted-imports for each layer of src. */
const importRules = {
  domain: {
    patterns: [
      nothingFromApp,
      {
        regex: `${layer("(server|components|generated)")}|^(next|react|react-dom|@prisma/.*|better-sqlite3|server-only)(/|$)`,
        message: "src/domain is pure: no server, framework or database imports.",
      },
    ],
    paths: nodeIo.flatMap((name) => [
      { name, message: "src/domain does no I/O." },
      { name: `node:${name}`, message: "src/domain does no I/O." },
    ]),
  },
  server: {
    patterns: [
      nothingFromApp,
      {
        regex: layer("components"),
        message:
          "src/server does not depend on UI: move the shared type or function down to server or domain.",
      },
    ],
  },
  components: {
    patterns: [
      nothingFromApp,
      {
        regex: layer("(server|generated)"),
        allowTypeImports: true,
        message: "Components get data as props: import only types from src/server (`import type`).",
      },
    ],
  },
  lib: { patterns: [nothingFromApp] },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "src/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "tests/.tmp/**",
    // Linted by tests/scripts/lint-rules.test.ts as if at their paths under src/, where they must fail.
    "tests/fixtures/lint/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The import direction is one way: app → components, app → server → domain. In a flat config the
  // last block that sets a rule for a file replaces its options, so each layer gets ONE block with all
  // of its restrictions (see layerRules below), and the layers' file globs do not overlap.
  ...Object.entries(importRules).map(([layer, restrictions]) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      // The typescript-eslint rule understands `import type`, which lets components name server types.
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", restrictions],
    },
  })),
  // Layout belongs to Prettier (npm run format); switch off the stylistic rules that would fight it.
  prettier,
]);
