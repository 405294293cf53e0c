-- The SDK numbers replay chunks per browser tab: two tabs of one session both
-- have a chunk 0. The tab is part of a chunk's identity, or ReplacingMergeTree
-- would collapse one tab's chunk into the other's. (18.16 accepts extending the
-- sorting key with a column added in the same statement.)
ALTER TABLE replay_chunks ADD COLUMN tab_id String, MODIFY ORDER BY (project_id, session_id, sequence, tab_id)
