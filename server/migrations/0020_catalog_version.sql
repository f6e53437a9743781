-- The catalog's version: each import or administrator's change adds one,
-- and every node puts the stored catalog in force when its version is newer
-- than the one it runs (told at once by `NOTIFY`, or by reading it).
ALTER TABLE catalog ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
