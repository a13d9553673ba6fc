-- Intake from the video AI platform: the platform's own type name, and a fingerprint of what it sent (every field and
-- the snapshot's checksum), so that a retried push of the same alert is recognised and the same id with other content
-- is refused.
ALTER TABLE alert ADD COLUMN platform_type VARCHAR(60);
ALTER TABLE alert ADD COLUMN payload_sha256 VARCHAR(64);
ALTER TABLE alert ADD COLUMN clip_url VARCHAR(1000);
