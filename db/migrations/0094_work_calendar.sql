-- 工作日历 for the report time limits (issue 12 §1: "outpatient CT/MR 4 working hours,
-- histopathology 4 working days"): the State Council's public holidays and the weekend days
-- worked instead (调休) are data, entered by the administrator each year when the notice is
-- published; a day not listed follows the rule Monday–Friday. remote_due() reads it, so a
-- request before the Spring Festival is due after it, and a 调休 Saturday counts as a working day.

CREATE TABLE work_calendar (
  day         date PRIMARY KEY,
  working     boolean NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
  updated_by  integer REFERENCES staff(id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- 国务院办公厅关于2026年部分节假日安排的通知
INSERT INTO work_calendar (day, working, name)
SELECT d::date, false, n FROM (VALUES
  ('2026-01-01', '2026-01-03', '元旦'),
  ('2026-02-15', '2026-02-23', '春节'),
  ('2026-04-04', '2026-04-06', '清明节'),
  ('2026-05-01', '2026-05-05', '劳动节'),
  ('2026-06-19', '2026-06-21', '端午节'),
  ('2026-09-25', '2026-09-27', '中秋节'),
  ('2026-10-01', '2026-10-07', '国庆节')
) AS h(f, t, n), generate_series(h.f::date, h.t::date, interval '1 day') AS d;
INSERT INTO work_calendar (day, working, name) VALUES
  ('2026-01-04', true, '元旦调休上班'),
  ('2026-02-14', true, '春节调休上班'),
  ('2026-02-28', true, '春节调休上班'),
  ('2026-05-09', true, '劳动节调休上班'),
  ('2026-09-20', true, '国庆节调休上班'),
  ('2026-10-10', true, '国庆节调休上班');

CREATE FUNCTION is_working_day(p_day date) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT working FROM work_calendar WHERE day = p_day), extract(isodow FROM p_day) < 6)
$$;

-- the same working time (08:00–17:00 Asia/Shanghai) on the calendar's working days
CREATE OR REPLACE FUNCTION remote_due(p_start timestamptz, p_value integer, p_unit text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE
  t timestamp := p_start AT TIME ZONE 'Asia/Shanghai';
  remaining integer;
  avail integer;
  days integer;
BEGIN
  IF p_unit = 'minute' THEN
    RETURN p_start + make_interval(mins => p_value);
  ELSIF p_unit = 'working_hour' THEN
    remaining := p_value * 60;
    LOOP
      IF NOT is_working_day(t::date) OR t::time >= time '17:00' THEN
        t := date_trunc('day', t) + interval '1 day' + time '08:00';
        CONTINUE;
      END IF;
      IF t::time < time '08:00' THEN t := date_trunc('day', t) + time '08:00'; END IF;
      avail := extract(epoch FROM (date_trunc('day', t) + time '17:00') - t)::integer / 60;
      IF remaining <= avail THEN
        RETURN (t + make_interval(mins => remaining)) AT TIME ZONE 'Asia/Shanghai';
      END IF;
      remaining := remaining - avail;
      t := date_trunc('day', t) + interval '1 day' + time '08:00';
    END LOOP;
  ELSIF p_unit = 'working_day' THEN
    days := 0;
    -- a request received after hours or on a day off starts on the next working morning
    IF NOT is_working_day(t::date) OR t::time >= time '17:00' THEN
      LOOP
        t := date_trunc('day', t) + interval '1 day' + time '08:00';
        EXIT WHEN is_working_day(t::date);
      END LOOP;
    ELSIF t::time < time '08:00' THEN
      t := date_trunc('day', t) + time '08:00';
    END IF;
    WHILE days < p_value LOOP
      t := t + interval '1 day';
      IF is_working_day(t::date) THEN days := days + 1; END IF;
    END LOOP;
    RETURN t AT TIME ZONE 'Asia/Shanghai';
  END IF;
  RAISE EXCEPTION 'unknown turnaround unit %', p_unit;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON work_calendar TO onecounty_app;
GRANT EXECUTE ON FUNCTION is_working_day(date) TO onecounty_app;
