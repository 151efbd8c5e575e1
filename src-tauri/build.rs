fn main() {
    // The app's own commands are declared so each needs an explicit grant in a capability.
    let commands = &[
        "app_info",
        "clients_list",
        "clients_tags",
        "clients_get",
        "clients_create",
        "clients_update",
        "clients_archive",
        "clients_unarchive",
        "clients_delete",
        "client_dashboard",
        "import_run",
        "import_cancel",
        "manual_save",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run tauri-build");
}
