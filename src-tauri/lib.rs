//! The desktop app: Tauri glue only. Windows, plugins, logging and one-line commands that call
//! `instagrowth-api`. No domain logic lives here.
mod ai_commands;
mod audit_commands;
mod backup_commands;
mod commands;
mod content_commands;
mod export_open;
mod help_commands;
mod home_commands;
mod license_commands;
mod license_watch;
mod logging;
mod onboarding_commands;
mod plan_commands;
mod reply_commands;
mod state;
mod update_commands;
mod updater;
mod window_state;

use tauri::Manager;

use crate::state::AppState;

pub fn run() {
    let started = std::time::Instant::now();
    let _log_guard = logging::init();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        "starting InstaGrowth OS"
    );

    let handler = with_wry(tauri::generate_handler![
        commands::app_info,
        commands::clients_list,
        commands::clients_tags,
        commands::clients_get,
        commands::clients_create,
        commands::clients_update,
        commands::clients_archive,
        commands::clients_unarchive,
        commands::clients_delete,
        commands::client_dashboard,
        commands::import_run,
        commands::import_cancel,
        commands::manual_save,
        ai_commands::ai_presets,
        ai_commands::ai_status,
        ai_commands::ai_configure,
        ai_commands::ai_disable,
        ai_commands::ai_set_key,
        ai_commands::ai_remove_key,
        ai_commands::ai_list_models,
        ai_commands::ai_test_connection,
        ai_commands::ai_set_allowance,
        ai_commands::ai_usage,
        ai_commands::ai_usage_by_client,
        ai_commands::ai_prices,
        ai_commands::ai_set_price,
        ai_commands::ai_delete_price,
        ai_commands::ai_sample,
        ai_commands::ai_cancel,
        audit_commands::audit_run,
        audit_commands::audit_history,
        audit_commands::audit_get,
        audit_commands::audit_export_pdf,
        audit_commands::branding_get,
        audit_commands::branding_set,
        audit_commands::branding_set_logo,
        audit_commands::branding_remove_logo,
        audit_commands::branding_logo,
        content_commands::content_generate,
        content_commands::content_save,
        content_commands::content_list,
        content_commands::content_update,
        content_commands::content_mark_used,
        content_commands::content_delete,
        content_commands::content_export_pdf,
        content_commands::content_export_csv,
        reply_commands::replies_add,
        reply_commands::replies_list,
        reply_commands::replies_set_handled,
        reply_commands::replies_delete,
        reply_commands::replies_clear_handled,
        reply_commands::replies_redraft,
        reply_commands::replies_rules_get,
        reply_commands::replies_rules_set,
        reply_commands::replies_saved_list,
        reply_commands::replies_saved_save,
        reply_commands::replies_saved_delete,
        reply_commands::replies_saved_render,
        reply_commands::replies_export_leads,
        plan_commands::plan_create,
        plan_commands::plan_list,
        plan_commands::plan_activate,
        plan_commands::plan_delete,
        plan_commands::plan_move_item,
        plan_commands::plan_set_done,
        plan_commands::plan_export,
        plan_commands::plan_update_item,
        license_commands::license_status,
        license_commands::license_check_key,
        license_commands::license_default_machine_name,
        license_commands::license_take_link,
        license_commands::license_activate,
        license_commands::license_refresh,
        license_commands::license_deactivate,
        license_commands::license_open_portal,
        license_commands::license_set_server,
        update_commands::update_settings,
        update_commands::update_set_channel,
        update_commands::update_check,
        update_commands::update_install,
        help_commands::help_search,
        help_commands::help_list,
        help_commands::help_article,
        help_commands::help_open_link,
        home_commands::home_overview,
        backup_commands::backup_create,
        backup_commands::backup_inspect,
        backup_commands::backup_restore,
        backup_commands::client_export,
        backup_commands::reports_default_path,
        onboarding_commands::onboarding_status,
        onboarding_commands::onboarding_complete,
        onboarding_commands::onboarding_go_to,
        onboarding_commands::onboarding_skip,
        onboarding_commands::onboarding_resume,
    ]);
    let first_call = std::sync::Once::new();

    let result = tauri::Builder::default()
        // Must be the first plugin: a second launch hands over to the running one and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        // `instagrowth://activate?key=…` links (with the single-instance plugin, a link opened
        // while the app runs reaches the running app).
        .plugin(tauri_plugin_deep_link::init())
        // Remembers the window's size and position between runs.
        .plugin(window_state::plugin())
        // Native file pickers: what to import, where to save a report.
        .plugin(tauri_plugin_dialog::init())
        // Opens an exported report in the default viewer when the user asks.
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_notification::init())
        // Signed updates; the endpoint is chosen per check (the workspace's channel).
        .plugin(tauri_plugin_updater::Builder::new().build())
        .on_window_event(window_state::on_window_event)
        .setup(|app| {
            app.manage(window_state::PendingSave::default());
            app.manage(AppState::open_from_args());
            license_watch::start(app.handle());
            app.manage(updater::PendingUpdate::default());
            updater::start(app.handle());
            tracing::info!(version = %app.package_info().version, "app version");
            Ok(())
        })
        .invoke_handler(move |invoke| {
            first_call.call_once(|| {
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                tracing::info!(target: "startup", ms, command = invoke.message.command(), "first command call");
            });
            handler(invoke)
        })
        .build(tauri::generate_context!());

    match result {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = app.try_state::<AppState>() {
                    tauri::async_runtime::block_on(state.close());
                }
            }
        }),
        Err(e) => {
            tracing::error!(error = %e, "the app could not start");
            eprintln!("InstaGrowth OS could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// Fixes the runtime of a generated command handler so it can be wrapped.
fn with_wry<F: Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool>(f: F) -> F {
    f
}
