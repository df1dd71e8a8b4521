-- The passwords an account had before its current one, as their argon2id hashes (never the
-- passwords): a new password may not be the current one or one of the 4 it replaced, so the
-- last 5 cannot come back. A change or an admin reset copies the hash being replaced here in
-- the same transaction; older rows than the last 4 are deleted then.
CREATE TABLE password_history (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_id      integer NOT NULL,
  staff_id       integer NOT NULL REFERENCES staff(id),
  password_hash  text NOT NULL,
  replaced_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_staff_idx ON password_history (staff_id, id DESC);

GRANT SELECT, INSERT, DELETE ON password_history TO onecounty_app;
