import pg from "pg";
import { inject } from "vitest";

/**
 * A fresh database on the test cluster with database-level settings, as a careless or hostile
 * server administrator could leave them; returns its URL.
 */
export async function createDatabase(serverUrl: string, settings: Record<string, string> = {}): Promise<string> {
  const name = `db_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    for (const [setting, value] of Object.entries(settings)) {
      await admin.query(`ALTER DATABASE ${name} SET ${setting} = '${value}'`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether a table exists in the database at `url`. */
export async function tableExists(url: string, table: string): Promise<boolean> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query("SELECT 1 FROM information_schema.tables WHERE table_name = $1", [table]);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

let own: Promise<string> | undefined;

/**
 * This test file's own database on the test cluster, made on first use. Test files run side by
 * side and load tables with the same names (zaken, verdachten, teksten) but other columns; in
 * one shared database one file's load replaced another's table in the middle of its checks.
 * Vitest gives every test file its own modules, so this is one database per file.
 */
export function fileDatabase(): Promise<string> {
  own ??= createDatabase(inject("pgServerUrl"));
  return own;
}

/** The environment that points the command's libpq settings at this test file's own database. */
export async function fileDatabaseEnv(): Promise<Record<string, string>> {
  const name = new URL(await fileDatabase()).pathname.slice(1);
  return { ...inject("pgServerEnv"), PGDATABASE: name };
}
