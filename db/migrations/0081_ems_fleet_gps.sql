-- 120, second part (issue 13): vehicle positions from the crew's phone (GPS), corrections of a
-- milestone time that keep the original, road closures and speeds the administrator maintains,
-- and the fleet and stations set up on screen rather than in SQL.

-- ---------------------------------------------------------------- vehicle positions (GPS)
-- each fix the phone sends, idempotent by its client id, with the phone's time and the server's
CREATE TABLE ems_vehicle_positions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_id    integer NOT NULL REFERENCES orgs(id),
  vehicle_id   integer NOT NULL REFERENCES ems_vehicles(id),
  mission_id   integer REFERENCES ems_missions(id),
  lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng          double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  accuracy_m   integer CHECK (accuracy_m BETWEEN 0 AND 100000),
  speed_kmh    numeric(5, 1) CHECK (speed_kmh BETWEEN 0 AND 300),
  device_at    timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  recorded_by  integer REFERENCES staff(id),
  client_id    uuid NOT NULL UNIQUE
);
CREATE INDEX ems_vehicle_positions_vehicle_idx ON ems_vehicle_positions (vehicle_id, device_at DESC);

-- the latest fix on the vehicle itself, so the board and the recommendation read one row;
-- only a newer fix replaces it (a late retry of an old fix never moves the vehicle back)
ALTER TABLE ems_vehicles
  ADD COLUMN pos_lat double precision CHECK (pos_lat BETWEEN -90 AND 90),
  ADD COLUMN pos_lng double precision CHECK (pos_lng BETWEEN -180 AND 180),
  ADD COLUMN pos_at  timestamptz,
  ADD CONSTRAINT ems_vehicles_pos_all CHECK ((pos_lat IS NULL) = (pos_at IS NULL) AND (pos_lng IS NULL) = (pos_at IS NULL));

-- ---------------------------------------------------------------- milestone corrections
-- a wrong time is corrected, never silently overwritten: the event keeps its latest time and the
-- number of corrections, and every correction keeps the old and new time, who, when and why
ALTER TABLE ems_events ADD COLUMN corrections integer NOT NULL DEFAULT 0 CHECK (corrections >= 0);
CREATE TABLE ems_event_corrections (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  county_id     integer NOT NULL,
  event_id      bigint NOT NULL REFERENCES ems_events(id),
  mission_id    integer NOT NULL REFERENCES ems_missions(id),
  milestone     text NOT NULL REFERENCES ems_milestones(code),
  old_at        timestamptz NOT NULL,
  new_at        timestamptz NOT NULL,
  old_source    text NOT NULL,
  reason        text NOT NULL CHECK (length(btrim(reason)) BETWEEN 2 AND 200),
  corrected_by  integer NOT NULL REFERENCES staff(id),
  corrected_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (old_at <> new_at)
);
CREATE INDEX ems_event_corrections_mission_idx ON ems_event_corrections (mission_id);
CREATE FUNCTION ems_event_corrections_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '时间更正记录不可修改或删除' USING ERRCODE = 'check_violation', CONSTRAINT = 'ems_event_corrections_append_only';
END $$;
CREATE TRIGGER ems_event_corrections_append_only BEFORE UPDATE OR DELETE ON ems_event_corrections
  FOR EACH ROW EXECUTE FUNCTION ems_event_corrections_append_only();

ALTER TABLE ems_event_corrections ENABLE ROW LEVEL SECURITY;
CREATE POLICY ems_event_corrections_by_mission ON ems_event_corrections
  USING (EXISTS (SELECT 1 FROM ems_missions m WHERE m.id = mission_id))
  WITH CHECK (EXISTS (SELECT 1 FROM ems_missions m WHERE m.id = mission_id));

-- ---------------------------------------------------------------- road maintenance
-- a closure (snow on a mountain road, works) takes the edge out of the search for its period;
-- the administrator may also change an edge's speed
ALTER TABLE road_edges
  ADD COLUMN closed_from   timestamptz,
  ADD COLUMN closed_until  timestamptz,
  ADD COLUMN closed_reason text CHECK (length(closed_reason) <= 100),
  ADD CONSTRAINT road_edges_closure CHECK (
    (closed_from IS NULL AND closed_until IS NULL AND closed_reason IS NULL)
    OR (closed_from IS NOT NULL AND closed_reason IS NOT NULL AND (closed_until IS NULL OR closed_until > closed_from)));

-- stations: a station may be renamed or moved to another road node
ALTER TABLE ems_stations ADD COLUMN active boolean NOT NULL DEFAULT true;

GRANT SELECT, INSERT ON ems_vehicle_positions, ems_event_corrections TO onecounty_app;
GRANT UPDATE (at, corrections, note) ON ems_events TO onecounty_app;
GRANT UPDATE (speed_kmh, closed_from, closed_until, closed_reason) ON road_edges TO onecounty_app;
GRANT UPDATE (name, node_id, active) ON ems_stations TO onecounty_app;
