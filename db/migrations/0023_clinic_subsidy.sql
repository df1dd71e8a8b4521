-- The expert programme's yearly budget (e.g. 5 million yuan) and the subsidy paid per
-- session by kind; money in integer fen.
CREATE TABLE clinic_budgets (
  county_id    integer NOT NULL,
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  budget_fen   bigint NOT NULL CHECK (budget_fen >= 0),
  updated_by   integer REFERENCES staff(id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_id, year)
);

CREATE TABLE clinic_subsidy_rates (
  county_id     integer NOT NULL,
  session_type  text NOT NULL CHECK (session_type IN ('clinic', 'ward_round', 'operation', 'teaching')),
  subsidy_fen   bigint NOT NULL CHECK (subsidy_fen >= 0),
  PRIMARY KEY (county_id, session_type)
);

GRANT SELECT, INSERT, UPDATE ON clinic_budgets, clinic_subsidy_rates TO onecounty_app;
