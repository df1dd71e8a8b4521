-- 垫付未回款 (advance outstanding), version 1.
-- Definition:  what a hospital advanced under 先诊疗后付费 and the one-stop desk and has not
--              yet been paid: receivables open (not yet claimed) or claimed (awaiting the
--              payer's return), reversals' negative receivables netted.
-- Numerator:   outstanding_fen = Σ amount_fen of open and claimed receivables; over_30_fen those
--              opened more than 30 days before the day asked about.
-- Denominator: none (an amount); advanced_fen = Σ of every receivable for the ratio repaid.
-- Period:      opened_on (the settlement day).
-- One row per receivable.
CREATE OR REPLACE VIEW indicator_settle_advance_v01 WITH (security_invoker = true) AS
SELECT r.county_id, r.org_id, r.payer, r.opened_on, extract(year FROM r.opened_on)::int AS year, r.status,
       r.amount_fen AS advanced_fen,
       CASE WHEN r.status IN ('open', 'claimed') THEN r.amount_fen ELSE 0 END AS outstanding_fen,
       coalesce(r.paid_fen, 0) AS paid_fen
FROM receivables r;
