-- 消毒供应与医疗废物 (issue 14 part 7): sterile packs from the central sterile-supply department
-- (CSSD) with their sterilisation loads, and the medical-waste handover chain.

-- ---------------------------------------------------------------- sterile supply
-- 包类型: what a pack holds, how it is sterilised, how long it keeps in its packaging
CREATE TABLE sterile_pack_types (
  id          serial PRIMARY KEY,
  county_id   integer NOT NULL REFERENCES orgs(id),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  items       jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
  method      text NOT NULL CHECK (method IN ('steam', 'plasma', 'eo')),
  packaging   text NOT NULL CHECK (length(packaging) BETWEEN 1 AND 30),
  shelf_days  integer NOT NULL CHECK (shelf_days BETWEEN 1 AND 730),
  active      boolean NOT NULL DEFAULT true,
  CONSTRAINT sterile_pack_types_name_key UNIQUE (county_id, name)
);

-- 灭菌锅次: one run of one sterilizer; pending until the indicators are read
CREATE TABLE sterile_loads (
  id                serial PRIMARY KEY,
  county_id         integer NOT NULL REFERENCES orgs(id),
  org_id            integer NOT NULL REFERENCES orgs(id),
  sterilizer        text NOT NULL CHECK (length(sterilizer) BETWEEN 1 AND 20),
  cycle_no          integer NOT NULL CHECK (cycle_no BETWEEN 1 AND 99),
  load_date         date NOT NULL,
  method            text NOT NULL CHECK (method IN ('steam', 'plasma', 'eo')),
  operator_staff_id integer NOT NULL REFERENCES staff(id),
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'passed', 'failed')),
  physical_ok       boolean,
  chemical_ok       boolean,
  biological_ok     boolean,
  note              text CHECK (length(note) <= 300),
  read_by           integer REFERENCES staff(id),
  read_at           timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sterile_loads_cycle_key UNIQUE (county_id, sterilizer, load_date, cycle_no),
  CHECK (status = 'pending' OR (physical_ok IS NOT NULL AND chemical_ok IS NOT NULL AND biological_ok IS NOT NULL))
);
CREATE INDEX sterile_loads_date_idx ON sterile_loads (county_id, load_date);

-- 无菌包: one barcode each; 'expired' is not stored, it is expires_on < today
CREATE TABLE sterile_packs (
  id                 serial PRIMARY KEY,
  county_id          integer NOT NULL REFERENCES orgs(id),
  org_id             integer NOT NULL REFERENCES orgs(id),
  code               text NOT NULL CHECK (code ~ '^[A-Z0-9-]{4,32}$'),
  pack_type_id       integer NOT NULL REFERENCES sterile_pack_types(id),
  load_id            integer NOT NULL REFERENCES sterile_loads(id),
  sterilised_on      date NOT NULL,
  expires_on         date NOT NULL,
  status             text NOT NULL DEFAULT 'in_cssd'
                       CHECK (status IN ('in_cssd', 'issued', 'used', 'returned', 'recalled')),
  recalled_from      text CHECK (recalled_from IN ('in_cssd', 'issued', 'used', 'returned')),
  issued_to_org_id   integer REFERENCES orgs(id),
  issued_ward        text CHECK (length(issued_ward) <= 40),
  issued_by          integer REFERENCES staff(id),
  issued_at          timestamptz,
  used_resident_id   integer REFERENCES residents(id),
  used_by            integer REFERENCES staff(id),
  used_at            timestamptz,
  returned_by        integer REFERENCES staff(id),
  returned_at        timestamptz,
  recalled_at        timestamptz,
  CONSTRAINT sterile_packs_code_key UNIQUE (county_id, code),
  CHECK (expires_on > sterilised_on)
);
CREATE INDEX sterile_packs_load_idx ON sterile_packs (load_id);
CREATE INDEX sterile_packs_issued_idx ON sterile_packs (issued_to_org_id, status);

-- ---------------------------------------------------------------- medical waste
-- tolerances are data: a row per county and effective day (a NULL county is the default)
CREATE TABLE waste_settings (
  id               serial PRIMARY KEY,
  county_id        integer REFERENCES orgs(id),
  effective_from   date NOT NULL,
  tolerance_pct    numeric(5, 2) NOT NULL CHECK (tolerance_pct >= 0 AND tolerance_pct <= 100),
  tolerance_grams  integer NOT NULL CHECK (tolerance_grams >= 0),
  overdue_hours    integer NOT NULL CHECK (overdue_hours BETWEEN 1 AND 720),
  created_by       integer REFERENCES staff(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT waste_settings_day_key UNIQUE NULLS NOT DISTINCT (county_id, effective_from)
);
INSERT INTO waste_settings (county_id, effective_from, tolerance_pct, tolerance_grams, overdue_hours)
VALUES (NULL, '2000-01-01', 5, 50, 48);

-- 医疗废物袋/箱: the id is made by the phone, so a resend is the same bag
CREATE TABLE waste_bags (
  id          uuid PRIMARY KEY,
  county_id   integer NOT NULL REFERENCES orgs(id),
  org_id      integer NOT NULL REFERENCES orgs(id),
  category    text NOT NULL CHECK (category IN ('infectious', 'sharps', 'pathological', 'pharmaceutical', 'chemical')),
  weight_g    integer NOT NULL CHECK (weight_g BETWEEN 1 AND 100000),
  stage       text NOT NULL DEFAULT 'produced' CHECK (stage IN ('produced', 'collected', 'at_station', 'disposed')),
  note        text CHECK (length(note) <= 200),
  device_at   timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  integer NOT NULL REFERENCES staff(id)
);
CREATE INDEX waste_bags_org_idx ON waste_bags (org_id, created_at);

-- 交接: collect (producer → collector), station (collector → transfer station),
-- dispose (transfer station → disposal company); each side confirms with its own weight
CREATE TABLE waste_handovers (
  id                 serial PRIMARY KEY,
  bag_id             uuid NOT NULL REFERENCES waste_bags(id),
  county_id          integer NOT NULL REFERENCES orgs(id),
  org_id             integer NOT NULL REFERENCES orgs(id),
  step               text NOT NULL CHECK (step IN ('collect', 'station', 'dispose')),
  giver_name         text NOT NULL CHECK (length(giver_name) BETWEEN 1 AND 40),
  giver_weight_g     integer NOT NULL CHECK (giver_weight_g BETWEEN 1 AND 100000),
  given_by           integer NOT NULL REFERENCES staff(id),
  given_at           timestamptz NOT NULL DEFAULT now(),
  receiver_name      text NOT NULL CHECK (length(receiver_name) BETWEEN 1 AND 40),
  receiver_weight_g  integer CHECK (receiver_weight_g BETWEEN 1 AND 100000),
  received_by        integer REFERENCES staff(id),
  received_at        timestamptz,
  CONSTRAINT waste_handovers_bag_step_key UNIQUE (bag_id, step),
  CHECK ((received_at IS NULL) = (receiver_weight_g IS NULL))
);
CREATE INDEX waste_handovers_open_idx ON waste_handovers (org_id) WHERE received_at IS NULL;

-- ---------------------------------------------------------------- row-level security
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sterile_loads', 'waste_bags', 'waste_handovers']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (org_id = ANY ((SELECT app_org_ids())::integer[]))'
      ' WITH CHECK (org_id = ANY ((SELECT app_org_ids())::integer[]))', t || '_by_org', t);
  END LOOP;
END $$;
-- a load is also seen (read only) by the orgs its packs were issued to: its indicators decide their use
CREATE POLICY sterile_loads_by_issue ON sterile_loads FOR SELECT
  USING (id IN (SELECT p.load_id FROM sterile_packs p WHERE p.issued_to_org_id = ANY ((SELECT app_org_ids())::integer[])));
-- a pack is seen by the CSSD that made it and by the org it was issued to
ALTER TABLE sterile_packs ENABLE ROW LEVEL SECURITY;
CREATE POLICY sterile_packs_by_org ON sterile_packs
  USING (org_id = ANY ((SELECT app_org_ids())::integer[]) OR issued_to_org_id = ANY ((SELECT app_org_ids())::integer[]))
  WITH CHECK (org_id = ANY ((SELECT app_org_ids())::integer[]) OR issued_to_org_id = ANY ((SELECT app_org_ids())::integer[]));

GRANT SELECT, INSERT, UPDATE ON sterile_pack_types, sterile_loads, sterile_packs, waste_bags, waste_handovers TO onecounty_app;
GRANT SELECT, INSERT ON waste_settings TO onecounty_app;
GRANT USAGE ON SEQUENCE sterile_pack_types_id_seq, sterile_loads_id_seq, sterile_packs_id_seq, waste_settings_id_seq,
  waste_handovers_id_seq TO onecounty_app;
