//! The agency's branding on reports: name, logo, colours, contact line, paper size and white
//! label. Stored in the workspace (the logo as a PNG/JPEG asset), shared by the app and the CLI.
//!
//! White label is the licence's (`white_label`: the Agency and Enterprise plans, or the add-on):
//! [`set`] refuses to turn it on without the entitlement ([`ErrorCode::PlanLimit`], field
//! `white_label`) rather than store a setting that would silently do nothing; [`get`] reports it
//! on only while the licence allows it (a setting stored under a bigger licence reads as off, and
//! the PDFs keep the InstaGrowth mark), so saving the form again never fails because of it.
use instagrowth_store::queries::{assets, settings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::Workspace;

const KEY: &str = "branding";
const LOGO: &str = "branding.logo";
/// Logos up to 2 MB.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    A4,
    Letter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Branding {
    pub agency_name: String,
    /// `#rrggbb`: headings, the cover, chart series.
    pub primary_color: String,
    /// `#rrggbb`: highlights and the second series.
    pub accent_color: String,
    /// Shown on the cover and the last page, e.g. "hello@agency.com · agency.com".
    pub contact_line: String,
    pub paper: PaperSize,
    /// No InstaGrowth OS mark on reports.
    pub white_label: bool,
    /// Read-only: whether a logo is stored.
    #[serde(default)]
    pub has_logo: bool,
}

impl Default for Branding {
    fn default() -> Self {
        Branding {
            agency_name: String::new(),
            primary_color: "#4f46e5".into(),
            accent_color: "#db2777".into(),
            contact_line: String::new(),
            paper: PaperSize::A4,
            white_label: false,
            has_logo: false,
        }
    }
}

fn invalid(field: &str, message: String) -> ApiError {
    ApiError {
        code: ErrorCode::InvalidInput,
        message,
        field: Some(field.into()),
    }
}

fn hex(field: &str, value: &str) -> ApiResult<String> {
    let v = value.trim().to_ascii_lowercase();
    let ok = v.len() == 7 && v.starts_with('#') && v[1..].chars().all(|c| c.is_ascii_hexdigit());
    if ok {
        Ok(v)
    } else {
        Err(invalid(
            field,
            format!("“{value}” is not a colour like #4f46e5"),
        ))
    }
}

pub async fn get(ws: &Workspace) -> ApiResult<Branding> {
    let mut b: Branding = settings::get(ws.store(), KEY)
        .await?
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    b.has_logo = assets::get(ws.store(), LOGO).await?.is_some();
    if b.white_label {
        let (entitlements, _) = crate::license::current_entitlements(ws).await?;
        b.white_label = entitlements.white_label;
    }
    Ok(b)
}

/// Saves the branding. White label needs the licence's `white_label`; without it, asking for it
/// is refused, and a choice made under an earlier licence is kept as it was (it shows again
/// after an upgrade) rather than overwritten by a form that could not show it.
pub async fn set(ws: &Workspace, input: &Branding) -> ApiResult<Branding> {
    let s = crate::license::status(ws).await?;
    let entitled = s.entitlements.white_label;
    if input.white_label && !entitled {
        let with = crate::license::plan_with(|p| p.white_label)
            .map_or_else(String::new, |l| format!(" the {l} plan or"));
        return Err(ApiError {
            code: ErrorCode::PlanLimit,
            message: format!(
                "Your {} plan does not include white label: reports keep the small \"Made with InstaGrowth OS\" mark. Upgrade to{with} the white-label add-on on the Licence page. Nothing was changed.",
                s.plan_label
            ),
            field: Some("white_label".into()),
        });
    }
    let name = input.agency_name.trim();
    if name.chars().count() > 80 {
        return Err(invalid(
            "agency_name",
            "the agency name is at most 80 characters".into(),
        ));
    }
    let contact = input.contact_line.trim();
    if contact.chars().count() > 160 {
        return Err(invalid(
            "contact_line",
            "the contact line is at most 160 characters".into(),
        ));
    }
    let clean = Branding {
        agency_name: name.to_string(),
        primary_color: hex("primary_color", &input.primary_color)?,
        accent_color: hex("accent_color", &input.accent_color)?,
        contact_line: contact.to_string(),
        paper: input.paper,
        white_label: if entitled {
            input.white_label
        } else {
            stored_white_label(ws).await?
        },
        has_logo: false,
    };
    settings::set(
        ws.store(),
        KEY,
        &serde_json::to_string(&clean).expect("branding serializes"),
    )
    .await?;
    get(ws).await
}

/// The white-label choice as stored, whatever the licence allows now.
async fn stored_white_label(ws: &Workspace) -> ApiResult<bool> {
    Ok(settings::get(ws.store(), KEY)
        .await?
        .and_then(|raw| serde_json::from_str::<Branding>(&raw).ok())
        .is_some_and(|b| b.white_label))
}

/// The image type of `bytes`, from its signature.
fn mime(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}

/// Stores the logo (a PNG or JPEG file's bytes, up to 2 MB).
pub async fn set_logo(ws: &Workspace, bytes: &[u8]) -> ApiResult<Branding> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(invalid(
            "logo",
            format!(
                "the logo is {:.1} MB; use one under 2 MB",
                bytes.len() as f64 / 1_048_576.0
            ),
        ));
    }
    let Some(kind) = mime(bytes) else {
        return Err(invalid(
            "logo",
            "the logo must be a PNG or JPEG image".into(),
        ));
    };
    assets::put(ws.store(), LOGO, kind, bytes).await?;
    get(ws).await
}

/// Reads a logo file and stores it.
pub async fn set_logo_file(ws: &Workspace, path: &std::path::Path) -> ApiResult<Branding> {
    let bytes = tokio::fs::read(path)
        .await
        .map_err(|e| invalid("logo", format!("cannot read {}: {e}", path.display())))?;
    set_logo(ws, &bytes).await
}

pub async fn remove_logo(ws: &Workspace) -> ApiResult<Branding> {
    assets::delete(ws.store(), LOGO).await?;
    get(ws).await
}

pub async fn logo(ws: &Workspace) -> ApiResult<Option<Vec<u8>>> {
    Ok(assets::get(ws.store(), LOGO).await?.map(|(_, b)| b))
}

/// The logo as a `data:` URL for the settings preview, if one is stored.
pub async fn logo_data_url(ws: &Workspace) -> ApiResult<Option<String>> {
    use base64::Engine;
    Ok(assets::get(ws.store(), LOGO).await?.map(|(mime, bytes)| {
        format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        )
    }))
}
