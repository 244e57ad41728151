import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

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
  ]),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The import direction is one way: app → server → domain. Domain stays pure.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/server/*",
                "@/app/*",
                "@/components/*",
                "@/generated/*",
                "next",
                "next/*",
                "react",
                "@prisma/*",
              ],
              message: "src/domain is pure: no server, framework or database imports.",
            },
          ],
          paths: [
            { name: "node:fs", message: "src/domain does no I/O." },
            { name: "fs", message: "src/domain does no I/O." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/**/*.ts", "src/domain/**/*.ts", "src/components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*"], message: "Nothing imports from src/app." }] },
      ],
    },
  },
  // Layout belongs to Prettier (npm run format); switch off the stylistic rules that would fight it.
  prettier,
]);
