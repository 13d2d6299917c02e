export { adminUrl, createTestDatabase, databaseUrl, ensureTemplateDatabase, type TestDatabase } from "./database.ts";
