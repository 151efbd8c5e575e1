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
        "ai_presets",
        "ai_status",
        "ai_configure",
        "ai_disable",
        "ai_set_key",
        "ai_remove_key",
        "ai_list_models",
        "ai_test_connection",
        "ai_set_allowance",
        "ai_usage",
        "ai_usage_by_client",
        "ai_prices",
        "ai_set_price",
        "ai_delete_price",
        "ai_sample",
        "ai_cancel",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("failed to run tauri-build");
}
