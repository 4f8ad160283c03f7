import { defineConfig } from 'drizzle-kit';

// Migrations are generated, never hand-written: edit electron/core/store/schema*.ts, then `npm run db:generate`.
export default defineConfig({
  dialect: 'sqlite',
  schema: './electron/core/store/schema*.ts',
  out: './resources/migrations',
});
