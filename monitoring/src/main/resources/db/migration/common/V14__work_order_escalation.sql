-- Escalation: when the scheduler found an open work order due soon (most of its time used) and overdue, so each is
-- told once; and the overdue state in the published layer.
ALTER TABLE work_order ADD COLUMN due_soon_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_order ADD COLUMN overdue_at TIMESTAMP WITH TIME ZONE;

DROP VIEW work_order_feature;
CREATE VIEW work_order_feature AS
SELECT w.id, w.code, w.source_kind, w.alert_id, w.patch_id, w.title, w.description, w.working_group_code,
       w.department_code, w.township_code, w.deadline, w.state, w.created_by, w.created_at, w.closed_at,
       CASE WHEN w.state <> 'CLOSED' AND w.deadline < CURRENT_TIMESTAMP THEN TRUE ELSE FALSE END AS overdue,
       w.due_soon_at, w.overdue_at,
       COALESCE(a.position, p.centroid) AS location
FROM work_order w LEFT JOIN alert a ON a.id = w.alert_id LEFT JOIN change_patch p ON p.id = w.patch_id;
