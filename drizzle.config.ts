import { defineConfig } from 'drizzle-kit'

// Migrations are generated from db/schema.ts and committed; one history serves PGlite,
// node-postgres and Neon.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
})
