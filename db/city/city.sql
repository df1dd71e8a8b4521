-- 市级监管库 (city supervision database), issue 15. Applied by hand on the city server, never by
-- the county app's migrate(): `psql -d onecounty_city -v ON_ERROR_STOP=1 -f db/city/city.sql`.
-- Safe to run again (every statement is idempotent). Set-up and operation: docs/city-supervision.md.
--
-- Each county database publishes its table settlement_feed (migration 0050, publication
-- onecounty_city, inserts only); the city subscribes to every county's publication, and logical
-- replication writes the rows into the table below. So the table must keep the county's column
-- names, types and primary key exactly: a change to the county's settlement_feed is a change here.
-- One row = one confirmed 结算 (kind 'settlement') or 冲销 (kind 'reversal'); a reversal carries the
-- negated amounts of the settlement it reverses (reverses_no), so plain sums net it out.
-- No personal identifier: person_key is a per-county sha256 pseudonym, plus sex and an age band.
-- Amounts are in fen (分), named as in the national 医保 settlement interface.

CREATE TABLE IF NOT EXISTS settlement_feed (
  county_code        text NOT NULL,
  settlement_no      text NOT NULL,
  county_name        text NOT NULL,
  org_code           text NOT NULL,
  org_name           text NOT NULL,
  hosp_level         text NOT NULL,
  setting            text NOT NULL,
  kind               text NOT NULL,
  reverses_no        text,
  scheme             text NOT NULL,
  person_cat         text NOT NULL,
  person_key         text NOT NULL,
  sex                text NOT NULL,
  age_band           text NOT NULL,
  year               integer NOT NULL,
  settled_on         date NOT NULL,
  confirmed_at       timestamptz NOT NULL,
  diagnosis_code     text,
  package_code       text,
  medfee_sumamt      bigint NOT NULL,
  fulamt_ownpay_amt  bigint NOT NULL,
  preselfpay_amt     bigint NOT NULL,
  inscp_scp_amt      bigint NOT NULL,
  hifp_pay           bigint NOT NULL,
  hifmi_pay          bigint NOT NULL,
  hifob_pay          bigint NOT NULL,
  maf_pay            bigint NOT NULL,
  oth_pay            bigint NOT NULL,
  hosp_part_amt      bigint NOT NULL,
  fund_pay_sumamt    bigint NOT NULL,
  psn_part_amt       bigint NOT NULL,
  PRIMARY KEY (county_code, settlement_no)
);
CREATE INDEX IF NOT EXISTS settlement_feed_confirmed_idx ON settlement_feed (confirmed_at);
CREATE INDEX IF NOT EXISTS settlement_feed_county_level_idx ON settlement_feed (county_code, hosp_level);

-- 市级监管只读角色: the role the city screens (and analysts) log in as. It reads; it never writes:
-- only the subscriptions' apply workers write settlement_feed.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'onecounty_city_reader') THEN
    CREATE ROLE onecounty_city_reader NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another session won the race
END $$;
REVOKE ALL ON settlement_feed FROM PUBLIC;
GRANT SELECT ON settlement_feed TO onecounty_city_reader;

-- 各县结算汇总 (settlements by county and hospital level), live: the rows are as fresh as replication.
-- Definition:   one row per county (county_code; county_name as last published) and hospital level
--               (hosp_level: primary / county / city / province), over every confirmed settlement
--               and reversal the city has received, all years (filter settlement_feed by
--               settled_on or year for a period).
-- settlements:  settlements confirmed minus reversals confirmed (a reversed settlement counts 0).
-- total_cost_fen (总费用):        Σ medfee_sumamt.
-- fund_pay_fen (基金支付):         Σ fund_pay_sumamt.
-- psn_part_fen (个人负担):         Σ psn_part_amt.
-- advance_fen (医院垫付):          Σ (medfee_sumamt − psn_part_amt − hosp_part_amt): what the hospital
--                                  paid out at the bedside for the payers (一站式结算) and claims back.
-- poor_inpatient_ratio (建档立卡贫困人口住院实际报销比例), a fraction 0..1, NULL without any such stay:
--   Numerator:   Σ (medfee_sumamt − psn_part_amt) over person_cat = 'poor' and setting = 'inpatient'
--                (everything but the patient's own part: every fund layer and the hospital's part).
--   Denominator: Σ medfee_sumamt over the same rows.
-- last_confirmed_at: the newest confirmation received from that county and level; behind_by is now()
--               minus it, so a county whose feed stopped (offline, slot broken) shows a growing gap.
-- Reversal rows carry negative amounts, so every sum above nets them without a filter.
CREATE OR REPLACE VIEW city_settlement_by_county AS
SELECT f.county_code,
       (array_agg(f.county_name ORDER BY f.confirmed_at DESC))[1] AS county_name,
       f.hosp_level,
       (count(*) FILTER (WHERE f.kind = 'settlement') - count(*) FILTER (WHERE f.kind = 'reversal'))::bigint
         AS settlements,
       sum(f.medfee_sumamt)::bigint AS total_cost_fen,
       sum(f.fund_pay_sumamt)::bigint AS fund_pay_fen,
       sum(f.psn_part_amt)::bigint AS psn_part_fen,
       sum(f.medfee_sumamt - f.psn_part_amt - f.hosp_part_amt)::bigint AS advance_fen,
       round(sum(f.medfee_sumamt - f.psn_part_amt) FILTER (WHERE f.person_cat = 'poor' AND f.setting = 'inpatient')
             / nullif(sum(f.medfee_sumamt) FILTER (WHERE f.person_cat = 'poor' AND f.setting = 'inpatient'), 0),
             4) AS poor_inpatient_ratio,
       max(f.confirmed_at) AS last_confirmed_at,
       now() - max(f.confirmed_at) AS behind_by
FROM settlement_feed f
GROUP BY f.county_code, f.hosp_level;

GRANT SELECT ON city_settlement_by_county TO onecounty_city_reader;
