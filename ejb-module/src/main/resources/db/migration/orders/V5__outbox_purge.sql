-- Sent outbox rows are deleted after outbox.retention-minutes (OutboxPurge). The rows arrive in time order, so a BRIN
-- index finds the old ones for almost nothing per insert (a B-tree would add an index entry to every event).
CREATE INDEX idx_outbox_occurred ON outbox_events USING brin (occurred_at);
