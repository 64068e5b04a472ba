-- What a system was before its last change, so a `?since=` delta names a system as removed only to
-- a caller who could see it before (never the id of a system that was always hidden from them).
ALTER TABLE catalog_apps ADD COLUMN previous_manifest TEXT;
ALTER TABLE catalog_apps ADD COLUMN previous_enabled BOOLEAN;
