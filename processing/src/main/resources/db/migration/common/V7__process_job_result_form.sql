-- How the client that submitted a job wants its results (outputs wanted, which by reference, lineage), as JSON;
-- NULL for every output inline. A status document asked for later answers as the execute request asked.
ALTER TABLE process_job ADD COLUMN result_form TEXT;
