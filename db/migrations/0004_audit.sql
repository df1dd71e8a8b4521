-- Append-only, hash-chained audit log. The chain is ordered by seq, assigned under a row
-- lock on audit_head, so concurrent transactions cannot fork it; identity ids may commit
-- out of order, seq cannot.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seq          bigint NOT NULL UNIQUE,
  at           timestamptz NOT NULL DEFAULT now(),
  county_id    integer,
  user_id      integer,
  username     text,
  role         text,
  org_id       integer,
  action       text NOT NULL,
  resource     text,
  resource_id  text,
  resident_id  integer,
  outcome      text NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
  request_id   text,
  ip           text,
  detail       jsonb,
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);
CREATE INDEX audit_at_idx ON audit_log (at DESC);
CREATE INDEX audit_user_idx ON audit_log (user_id, at DESC);
CREATE INDEX audit_resident_idx ON audit_log (resident_id, at DESC) WHERE resident_id IS NOT NULL;

CREATE TABLE audit_head (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seq       bigint NOT NULL,
  hash      text NOT NULL
);
INSERT INTO audit_head VALUES (true, 0, repeat('0', 64));

-- One canonical text per row: the trigger and the verifier both hash exactly this.
CREATE FUNCTION audit_digest(prev text, a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|', prev, a.seq::text,
    to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), a.county_id::text,
    a.user_id::text, a.username, a.role, a.org_id::text, a.action, a.resource, a.resource_id,
    a.resident_id::text, a.outcome, a.request_id, a.ip, a.detail::text), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE h audit_head;
BEGIN
  SELECT * INTO h FROM audit_head FOR UPDATE;
  NEW.seq := h.seq + 1;
  NEW.prev_hash := h.hash;
  NEW.hash := audit_digest(h.hash, NEW);
  UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();

CREATE FUNCTION audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_immutable();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_immutable();

REVOKE ALL ON audit_log, audit_head FROM PUBLIC;
GRANT INSERT, SELECT ON audit_log TO onecounty_app;

-- The verifier compares the chain's end with the head, so removing the newest rows shows.
CREATE FUNCTION audit_head_position() RETURNS TABLE (seq bigint, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT seq, hash FROM audit_head $$;
REVOKE ALL ON FUNCTION audit_head_position() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_head_position() TO onecounty_app;
