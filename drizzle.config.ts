import { defineConfig } from 'drizzle-kit'

// Migrations are generated from db/schema/ (one file per capability, gathered by its index) and committed;
// one history serves PGlite, node-postgres and Neon.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
})
