-- Programme statistics count patients per session past RLS on purpose (bureau officials see
-- no resident rows): only counts per session leave, never a resident.
CREATE FUNCTION clinic_session_counts(p_county integer, p_from date, p_to date)
RETURNS TABLE (session_id integer, booked integer, served integer, no_show integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT s.id,
         count(b.id) FILTER (WHERE b.status IN ('confirmed', 'checked_in', 'completed', 'no_show'))::integer,
         count(b.id) FILTER (WHERE b.status IN ('checked_in', 'completed'))::integer,
         count(b.id) FILTER (WHERE b.status = 'no_show')::integer
  FROM clinic_sessions s LEFT JOIN clinic_bookings b ON b.session_id = s.id
  WHERE s.county_id = p_county AND s.session_date BETWEEN p_from AND p_to AND s.status IN ('published', 'closed')
  GROUP BY s.id
$$;
REVOKE ALL ON FUNCTION clinic_session_counts(integer, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_session_counts(integer, date, date) TO onecounty_app;
