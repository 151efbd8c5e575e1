-- Releases per package type: see the SQLite migration of the same name.
ALTER TABLE releases ADD COLUMN bundle TEXT NOT NULL DEFAULT '';
ALTER TABLE releases DROP CONSTRAINT releases_channel_version_target_arch_key;
ALTER TABLE releases ADD CONSTRAINT releases_channel_version_target_arch_bundle_key
    UNIQUE (channel, version, target, arch, bundle);
