-- Failed sends are retried with exponential back-off by the clinic scheduler. Claiming a
-- send bumps attempts and pushes next_attempt_at forward in one conditional UPDATE, so two
-- processes never send the same message at once; after the last attempt failed_at is set
-- and the row stays for staff to follow up by phone.
ALTER TABLE clinic_notifications
  ADD COLUMN attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  ADD COLUMN last_error      text,
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN failed_at       timestamptz,
  ADD CONSTRAINT clinic_notifications_sent_or_failed CHECK (sent_at IS NULL OR failed_at IS NULL);

-- Messages left unsent before this version are too old to be useful now: a day-old
-- "your session was cancelled" is for staff to follow up, not for the gateway.
UPDATE clinic_notifications SET failed_at = now(), last_error = '升级前未发送，已超过一天'
WHERE sent_at IS NULL AND created_at < now() - interval '1 day';

CREATE INDEX clinic_notifications_due_idx ON clinic_notifications (county_id, next_attempt_at)
  WHERE sent_at IS NULL AND failed_at IS NULL;
