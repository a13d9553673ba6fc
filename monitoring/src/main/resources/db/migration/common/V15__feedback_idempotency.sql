-- A field report sent again (a phone that lost its answer, a report kept offline and sent twice) carries the same key
-- from its client: the order keeps one report per key.
ALTER TABLE work_order_feedback ADD COLUMN client_key VARCHAR(64);
CREATE UNIQUE INDEX work_order_feedback_client_key ON work_order_feedback(work_order_id, client_key);
