// The embedded store's file settings: a new file gets the store's page size; a file made before
// (4 KiB pages, SQLite's default) keeps its own and opens as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteConnection, PAGE_SIZE } from '../../../../src/store/dialects/sqlite/connection.js';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'coreshare-connect-'));
  dirs.push(dir);
  return join(dir, 'store.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openSqliteConnection', () => {
  it('creates a new file with the store page size, in WAL mode', () => {
    const file = tempFile();
    const raw = openSqliteConnection(file);
    raw.exec('CREATE TABLE t (x)');
    expect(raw.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = openSqliteConnection(file);
    expect(again.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    again.close();
  });

  it('keeps the page size of a file made before', () => {
    const file = tempFile();
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('kept')");
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    old.close();
    const raw = openSqliteConnection(file);
    expect(raw.pragma('page_size', { simple: true })).toBe(4096);
    expect(raw.prepare('SELECT x FROM t').pluck().get()).toBe('kept');
    raw.close();
  });
});
