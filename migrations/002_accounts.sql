-- The account's social structure: one account, its people, their sessions, rooms and memberships.
-- Secrets (passwords, session tokens, transfer tokens) are stored only as hashes.
CREATE TABLE account (
  id INTEGER PRIMARY KEY CHECK (id = 1), -- one account per data directory; a second first run hits this key
  name TEXT NOT NULL,
  join_code TEXT NOT NULL,
  room_creation TEXT NOT NULL DEFAULT 'everyone' CHECK (room_creation IN ('everyone', 'administrators')),
  created_at INTEGER NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'member', 'bot')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deactivated', 'banned')),
  bio TEXT NOT NULL DEFAULT '',
  avatar_version INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE avatars (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  data BLOB NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  address TEXT NOT NULL,
  user_agent TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  last_active_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Every address a user signed in from, kept after sign-out so a ban can block them all.
CREATE TABLE user_addresses (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  address TEXT NOT NULL,
  last_seen_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, address)
);

CREATE TABLE banned_addresses (
  address TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  banned_at INTEGER NOT NULL
);

CREATE TABLE transfer_links (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

CREATE TABLE rooms (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('open', 'closed', 'ping')),
  name TEXT NOT NULL,
  creator_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
  room_id TEXT NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  involvement TEXT NOT NULL CHECK (involvement IN ('invisible', 'nothing', 'mentions', 'everything')),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (room_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);
