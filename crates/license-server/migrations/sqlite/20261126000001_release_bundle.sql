-- Releases per package type: a Linux app installed from a .deb must be offered a .deb, one run
-- as an AppImage an AppImage (the updater installs what matches how it was installed). `bundle`
-- is the Tauri updater's {{bundle_type}} (appimage, deb, rpm, msi, nsis, app), or '' for a build
-- any installation of that platform can take. SQLite cannot change a UNIQUE constraint: rebuild.
CREATE TABLE releases_new (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    version TEXT NOT NULL,
    target TEXT NOT NULL,
    arch TEXT NOT NULL,
    bundle TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    signature TEXT NOT NULL,
    notes TEXT NOT NULL,
    pub_date TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (channel, version, target, arch, bundle)
);
INSERT INTO releases_new (id, channel, version, target, arch, bundle, url, signature, notes, pub_date, created_at)
    SELECT id, channel, version, target, arch, '', url, signature, notes, pub_date, created_at FROM releases;
DROP TABLE releases;
ALTER TABLE releases_new RENAME TO releases;
