// Accounts, sessions, tokens and the audit chain (the sharing issue, first step). The tables are the
// same on both engines but for how an id column is declared, so one text serves both dialects.

export interface IdColumns {
  /** A surrogate key the engine assigns. */
  serial: string;
  /** A double-precision number: REAL on SQLite, DOUBLE PRECISION on PostgreSQL (whose REAL is 4 bytes). */
  real: string;
}

export const accountsSchema = ({ serial }: IdColumns) => `
CREATE TABLE app_user (
  id ${serial},
  public_id TEXT NOT NULL,
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT,
  email_verified_at TEXT,
  real_name TEXT,
  real_name_id_hash TEXT,
  real_name_status TEXT NOT NULL DEFAULT 'unchecked' CHECK (real_name_status IN ('unchecked','pending','verified','rejected')),
  real_name_checked_at TEXT,
  real_name_checker TEXT,
  locale TEXT NOT NULL DEFAULT 'zh' CHECK (locale IN ('zh','en')),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  disabled_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX app_user_public_id ON app_user(public_id);
CREATE UNIQUE INDEX app_user_email ON app_user(email);
CREATE TABLE membership (
  id ${serial},
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisation(id),
  role TEXT NOT NULL CHECK (role IN ('visitor','researcher','curator','owner','administrator')),
  custodian_id INTEGER REFERENCES custodian(id),
  province_code TEXT,
  created_at TEXT NOT NULL,
  CHECK (role <> 'curator' OR custodian_id IS NOT NULL)
);
CREATE UNIQUE INDEX membership_unique ON membership(user_id, organisation_id, role);
CREATE INDEX membership_custodian ON membership(custodian_id);
CREATE TABLE user_session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX user_session_user ON user_session(user_id);
CREATE TABLE api_token (
  id ${serial},
  public_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE UNIQUE INDEX api_token_public_id ON api_token(public_id);
CREATE UNIQUE INDEX api_token_hash ON api_token(token_hash);
CREATE INDEX api_token_user ON api_token(user_id);
CREATE TABLE email_token (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify_email','reset_password')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX email_token_user ON email_token(user_id, purpose);
CREATE TABLE login_attempt (
  id ${serial},
  email TEXT NOT NULL,
  ip TEXT NOT NULL,
  at TEXT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempt_ip ON login_attempt(ip, at);
CREATE INDEX login_attempt_at ON login_attempt(at);
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id INTEGER,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_type TEXT,
  subject_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok','denied','failed')),
  detail TEXT NOT NULL,
  ip TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log(subject_type, subject_id);
CREATE INDEX audit_log_actor ON audit_log(actor_user_id);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
`;
