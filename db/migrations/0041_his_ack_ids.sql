-- The interface stores a message once, already settled, with the ACK that names the row's own
-- id (MSH-10 of the ACK = 'OC' || id): the id is drawn from the table's identity sequence in
-- the same INSERT, which needs USAGE on the sequence.
GRANT USAGE ON SEQUENCE his_messages_id_seq TO onecounty_app;
