-- Process jobs (WPS asynchronous Execute, OGC API - Processes jobs). A job accepted is kept here with the inputs
-- as given, so that after a restart it is resumed rather than lost; its outputs are kept until it is dismissed.
CREATE TABLE process_job (
    id              VARCHAR(40)  PRIMARY KEY,
    process_id      VARCHAR(60)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,                  -- ACCEPTED, RUNNING, SUCCESSFUL, FAILED, DISMISSED
    progress        INTEGER      NOT NULL,
    message         VARCHAR(2000),
    failure_code    VARCHAR(60),
    owner           VARCHAR(60)  NOT NULL,
    owner_roles     VARCHAR(200) NOT NULL,
    owner_department VARCHAR(20),
    inputs          TEXT NOT NULL,                          -- JSON: the inputs as given
    outputs         TEXT,                                   -- JSON: the outputs, once successful
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX process_job_created ON process_job(created_at);
