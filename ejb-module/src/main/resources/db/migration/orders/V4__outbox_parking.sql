-- An outbox row that cannot be turned into a Kafka record (unknown type, broken payload) is parked for an
-- operator instead of stalling the relay.
ALTER TABLE outbox_events
    ADD COLUMN parked_at  timestamptz,
    ADD COLUMN last_error varchar(1000);
