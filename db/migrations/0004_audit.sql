-- Append-only, hash-chained audit log.
-- Rows are inserted by the action's own transaction (so an action and its record commit or
-- vanish together) without taking any shared lock. A sealer then links committed rows into
-- the chain in a single ordered pass: it assigns seq, prev_hash and hash under a lock on
-- audit_head. Keeping the chain out of the request's transaction means no request waits on
-- another's commit; the server seals every second and the verifier seals before it checks.
CREATE TABLE audit_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seq          bigint UNIQUE,
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
  prev_hash    text,
  hash         text,
  CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL))
);
CREATE INDEX audit_at_idx ON audit_log (at DESC);
CREATE INDEX audit_user_idx ON audit_log (user_id, at DESC);
CREATE INDEX audit_resident_idx ON audit_log (resident_id, at DESC) WHERE resident_id IS NOT NULL;
CREATE INDEX audit_unsealed_idx ON audit_log (id) WHERE seq IS NULL;

CREATE TABLE audit_head (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seq       bigint NOT NULL,
  hash      text NOT NULL
);
INSERT INTO audit_head VALUES (true, 0, repeat('0', 64));

-- One canonical text per row: the sealer and the verifier both hash exactly this.
CREATE FUNCTION audit_digest(prev text, a audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|', prev, a.seq::text,
    to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), a.county_id::text,
    a.user_id::text, a.username, a.role, a.org_id::text, a.action, a.resource, a.resource_id,
    a.resident_id::text, a.outcome, a.request_id, a.ip, a.detail::text), 'UTF8')), 'hex')
$$;

-- Links up to p_limit committed, unsealed rows into the chain, oldest id first. One sealer
-- at a time (others return 0 at once). Returns how many rows it sealed.
CREATE FUNCTION audit_seal(p_limit integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  h audit_head;
  r audit_log;
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(872302) THEN RETURN 0; END IF;
  SELECT * INTO h FROM audit_head FOR UPDATE;
  FOR r IN SELECT * FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT p_limit LOOP
    r.seq := h.seq + 1;
    r.prev_hash := h.hash;
    r.hash := audit_digest(h.hash, r);
    UPDATE audit_log SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    h.seq := r.seq;
    h.hash := r.hash;
    n := n + 1;
  END LOOP;
  UPDATE audit_head SET seq = h.seq, hash = h.hash;
  RETURN n;
END $$;

-- Nothing may change a row except the sealer filling in its chain link, once.
CREATE FUNCTION audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
     AND (OLD.at, OLD.county_id, OLD.user_id, OLD.username, OLD.role, OLD.org_id, OLD.action, OLD.resource,
          OLD.resource_id, OLD.resident_id, OLD.outcome, OLD.request_id, OLD.ip, OLD.detail::text)
     IS NOT DISTINCT FROM
         (NEW.at, NEW.county_id, NEW.user_id, NEW.username, NEW.role, NEW.org_id, NEW.action, NEW.resource,
          NEW.resource_id, NEW.resident_id, NEW.outcome, NEW.request_id, NEW.ip, NEW.detail::text) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_immutable();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_immutable();

-- The verifier compares the chain's end with the head, so removing the newest rows shows.
CREATE FUNCTION audit_head_position() RETURNS TABLE (seq bigint, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT seq, hash FROM audit_head $$;

REVOKE ALL ON audit_log, audit_head FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_seal(integer), audit_head_position() FROM PUBLIC;
GRANT INSERT, SELECT ON audit_log TO onecounty_app;
GRANT EXECUTE ON FUNCTION audit_seal(integer), audit_head_position() TO onecounty_app;
