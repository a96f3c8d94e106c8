-- The one node a node action's subtask stands for, stored explicitly: a leader resuming a task reads
-- it from here instead of interpreting the subtask's Drydock node filter. NULL on top-level tasks.
ALTER TABLE task ADD COLUMN node text;

-- Subtasks written before this column existed name their node as the single entry of their filter.
UPDATE task
   SET node = node_filter -> 'filter_set' -> 0 -> 'node_names' ->> 0
 WHERE parent_id IS NOT NULL
   AND node IS NULL
   AND jsonb_typeof(node_filter -> 'filter_set' -> 0 -> 'node_names') = 'array'
   AND jsonb_array_length(node_filter -> 'filter_set' -> 0 -> 'node_names') = 1;

