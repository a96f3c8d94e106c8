-- The engine types a node's facts (power as PowerState, the steps done as a set of Step) and stores
-- each as its label: power 'on' / 'off' / 'unknown' (NULL: never observed, read as unknown), steps
-- as their lower-case names ('validate_oob'). Rows written before are brought to those labels, and
-- the power column accepts nothing else from now on.

UPDATE node_state SET power = lower(power) WHERE power IS NOT NULL AND power <> lower(power);
UPDATE node_state SET power = 'unknown' WHERE power IS NOT NULL AND power NOT IN ('on', 'off', 'unknown');
ALTER TABLE node_state
    ADD CONSTRAINT node_state_power_label CHECK (power IS NULL OR power IN ('on', 'off', 'unknown'));

UPDATE node_state
   SET progress = jsonb_set(
           progress,
           '{done}',
           (SELECT coalesce(jsonb_agg(DISTINCT lower(d)), '[]'::jsonb)
              FROM jsonb_array_elements_text(progress -> 'done') AS d))
 WHERE jsonb_typeof(progress -> 'done') = 'array';
