import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Layers: lib imports nothing from app/components/server; components never import server. */
const layerRules = (forbidden) => ({
  "no-restricted-imports": ["error", { patterns: forbidden.map((f) => ({ group: [`@/${f}/*`, `**/${f}/*`], message: `this layer must not import ${f}/` })) }],
});

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "prisma/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tmp/**", ".fp.ts"] },
  {
    // eslint-config-next registers its plugins for these endings (not .cjs).
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-cycle": ["error", { maxDepth: 10 }],
    },
  },
  // Next loads the page cache handler itself, outside the bundle: CommonJS by necessity.
  { files: ["server/next-cache-handler.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  { files: ["lib/**/*.ts", "lib/**/*.tsx"], ignores: ["lib/**/*.test.ts"], rules: layerRules(["app", "components", "server"]) },
  { files: ["components/**/*.ts", "components/**/*.tsx"], rules: layerRules(["app", "server"]) },
];

export default config;
