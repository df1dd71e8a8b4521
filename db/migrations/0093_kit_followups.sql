-- 健康一体机读数进慢病随访 (issue 12 §6, "and on the chronic-care follow-up"): a village doctor's
-- follow-up may take its blood pressure and glucose from the kit readings measured that day.
-- Each kit reading serves at most one follow-up (the primary key), is of the follow-up's own
-- resident (trigger), and is measured on the visit date (trigger, Shanghai calendar): the figures
-- count a measurement once, on the day it was taken.

CREATE TABLE followup_kit_readings (
  followup_id  uuid NOT NULL REFERENCES followups(id),
  device_id    text NOT NULL,
  reading_id   text NOT NULL,
  county_id    integer NOT NULL,
  org_id       integer NOT NULL,
  linked_by    integer NOT NULL REFERENCES staff(id),
  linked_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, reading_id),
  FOREIGN KEY (device_id, reading_id) REFERENCES kit_readings(device_id, reading_id)
);
CREATE INDEX followup_kit_readings_followup_idx ON followup_kit_readings (followup_id);

CREATE FUNCTION followup_kit_reading_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  f record;
  k record;
BEGIN
  SELECT resident_id, visit_date INTO f FROM followups WHERE id = NEW.followup_id;
  SELECT resident_id, kind, measured_at INTO k FROM kit_readings
   WHERE device_id = NEW.device_id AND reading_id = NEW.reading_id;
  IF k.resident_id IS DISTINCT FROM f.resident_id THEN
    RAISE EXCEPTION '健康一体机读数不是该随访居民的' USING ERRCODE = 'check_violation';
  END IF;
  IF k.kind NOT IN ('bp', 'glucose') THEN
    RAISE EXCEPTION '只有血压和血糖读数可以记入慢病随访' USING ERRCODE = 'check_violation';
  END IF;
  IF (k.measured_at AT TIME ZONE 'Asia/Shanghai')::date <> f.visit_date THEN
    RAISE EXCEPTION '健康一体机读数不是随访当日测量的' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER followup_kit_readings_check BEFORE INSERT OR UPDATE ON followup_kit_readings
  FOR EACH ROW EXECUTE FUNCTION followup_kit_reading_check();

ALTER TABLE followup_kit_readings ENABLE ROW LEVEL SECURITY;
CREATE POLICY followup_kit_readings_by_org ON followup_kit_readings
  USING (org_id = ANY ((SELECT app_org_ids())::integer[]))
  WITH CHECK (org_id = ANY ((SELECT app_org_ids())::integer[]));
GRANT SELECT, INSERT ON followup_kit_readings TO onecounty_app;
