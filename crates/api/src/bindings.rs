//! The UI's TypeScript types, generated from the Rust types that cross IPC.
//!
//! `ui/src/bindings.ts` is this module's output. The test below fails when the committed file
//! differs from what the Rust types produce; run it with `UPDATE_BINDINGS=1` to rewrite it.
use ts_rs::{Config, TS};

use instagrowth_ai::pricing::ModelPrice;
use instagrowth_ai::{ConnectionTest, ExtraHeader, Preset, ProviderSettings, Usage};
use instagrowth_audit::{
    Action, Audit, BestTimes, ContentScore, EngagementDetail, Finding, FormatStat, Kpi, Narrative,
    NarrativeSource, NotAssessed, PeriodStat, PostRate, Risk, RiskLevel, Roadmap, RoadmapWeek,
    ScorePart, Severity, Signal, TierBenchmark, TimeSlot, Verdict,
};
use instagrowth_content::{
    Caption, CaptionLength, Formula, HashtagSet, Hook, Item, Kind, ReelIdea,
};
use instagrowth_import::Progress;
use instagrowth_model::{Metrics, PostKind, SourceKind};
use instagrowth_planner::{Goal, ItemType, Plan, PlanDay, PlanItem, WeekTarget};
use instagrowth_replies::{
    BrandRules, Channel, EmojiUse, Intent, Language, LeadReason, ReplyDraft, Sentiment, Triage,
    Urgency,
};
use instagrowth_store::queries::content_items::ContentQuery;
use instagrowth_store::{
    ImportBatch, ImportOutcome, StoredPost, StoredSnapshot, StoredThread, UsageRecord, UsageTotals,
};

use crate::ai::{AiEvent, AiStatus, KeyState, PresetInfo, SampleHook, SampleResult, UsageReport};
use crate::audit::{AuditChanges, AuditDocument, AuditSummary, MetricChange, PdfExport};
use crate::branding::{Branding, PaperSize};
use crate::content::{ContentDraft, ContentRequest, FileExport, LibraryItem, LibraryPatch};
use crate::dashboard::{ClientDashboard, FormatShare, PostPoint, WeekCount};
use crate::license::{
    BackgroundCheck, Credit, Entitlements, KeyProgress, KeyProgressState, LicenseState,
    LicenseStatus,
};
use crate::manual::{ManualEntry, ManualPost, ManualSnapshot};
use crate::planner::{NewPlan, PlanItemPatch, StoredPlan};
use crate::replies::{
    AddOutcome, AddRequest, QueueCounts, RedraftRequest, Redrafted, ReplyItem, ReplyQuery,
    ReplySource, SavedReply, SavedReplyInput,
};
use crate::updates::{UpdateChannel, UpdateEvent, UpdateInfo, UpdateSettings};
use crate::{
    ApiError, AppInfo, ArchivedFilter, Client, ClientPatch, ClientQuery, ErrorCode, NewClient,
};

/// The whole generated file.
pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        Client::decl(&cfg),
        NewClient::decl(&cfg),
        ClientPatch::decl(&cfg),
        ClientQuery::decl(&cfg),
        ArchivedFilter::decl(&cfg),
        ErrorCode::decl(&cfg),
        ApiError::decl(&cfg),
        AppInfo::decl(&cfg),
        SourceKind::decl(&cfg),
        PostKind::decl(&cfg),
        Metrics::decl(&cfg),
        StoredPost::decl(&cfg),
        StoredSnapshot::decl(&cfg),
        StoredThread::decl(&cfg),
        ImportBatch::decl(&cfg),
        ImportOutcome::decl(&cfg),
        Progress::decl(&cfg),
        PostPoint::decl(&cfg),
        WeekCount::decl(&cfg),
        FormatShare::decl(&cfg),
        ClientDashboard::decl(&cfg),
        ManualSnapshot::decl(&cfg),
        ManualPost::decl(&cfg),
        ManualEntry::decl(&cfg),
        Preset::decl(&cfg),
        ExtraHeader::decl(&cfg),
        ProviderSettings::decl(&cfg),
        PresetInfo::decl(&cfg),
        KeyState::decl(&cfg),
        AiStatus::decl(&cfg),
        Usage::decl(&cfg),
        ConnectionTest::decl(&cfg),
        ModelPrice::decl(&cfg),
        UsageTotals::decl(&cfg),
        UsageRecord::decl(&cfg),
        UsageReport::decl(&cfg),
        AiEvent::decl(&cfg),
        SampleHook::decl(&cfg),
        SampleResult::decl(&cfg),
        FormatStat::decl(&cfg),
        PeriodStat::decl(&cfg),
        PostRate::decl(&cfg),
        EngagementDetail::decl(&cfg),
        Verdict::decl(&cfg),
        TierBenchmark::decl(&cfg),
        ScorePart::decl(&cfg),
        ContentScore::decl(&cfg),
        RiskLevel::decl(&cfg),
        Signal::decl(&cfg),
        Risk::decl(&cfg),
        Severity::decl(&cfg),
        Finding::decl(&cfg),
        TimeSlot::decl(&cfg),
        BestTimes::decl(&cfg),
        Action::decl(&cfg),
        RoadmapWeek::decl(&cfg),
        Kpi::decl(&cfg),
        Roadmap::decl(&cfg),
        NotAssessed::decl(&cfg),
        Audit::decl(&cfg),
        NarrativeSource::decl(&cfg),
        Narrative::decl(&cfg),
        MetricChange::decl(&cfg),
        AuditChanges::decl(&cfg),
        AuditDocument::decl(&cfg),
        AuditSummary::decl(&cfg),
        PdfExport::decl(&cfg),
        PaperSize::decl(&cfg),
        Branding::decl(&cfg),
        Kind::decl(&cfg),
        Formula::decl(&cfg),
        CaptionLength::decl(&cfg),
        ReelIdea::decl(&cfg),
        Hook::decl(&cfg),
        Caption::decl(&cfg),
        HashtagSet::decl(&cfg),
        Item::decl(&cfg),
        ContentRequest::decl(&cfg),
        ContentDraft::decl(&cfg),
        ContentQuery::decl(&cfg),
        LibraryItem::decl(&cfg),
        LibraryPatch::decl(&cfg),
        FileExport::decl(&cfg),
        Goal::decl(&cfg),
        ItemType::decl(&cfg),
        PlanItem::decl(&cfg),
        PlanDay::decl(&cfg),
        WeekTarget::decl(&cfg),
        Plan::decl(&cfg),
        NewPlan::decl(&cfg),
        StoredPlan::decl(&cfg),
        PlanItemPatch::decl(&cfg),
        Intent::decl(&cfg),
        Sentiment::decl(&cfg),
        Urgency::decl(&cfg),
        Language::decl(&cfg),
        Channel::decl(&cfg),
        LeadReason::decl(&cfg),
        Triage::decl(&cfg),
        ReplyDraft::decl(&cfg),
        EmojiUse::decl(&cfg),
        BrandRules::decl(&cfg),
        ReplyItem::decl(&cfg),
        ReplySource::decl(&cfg),
        AddRequest::decl(&cfg),
        QueueCounts::decl(&cfg),
        AddOutcome::decl(&cfg),
        ReplyQuery::decl(&cfg),
        RedraftRequest::decl(&cfg),
        Redrafted::decl(&cfg),
        SavedReply::decl(&cfg),
        SavedReplyInput::decl(&cfg),
        Credit::decl(&cfg),
        Entitlements::decl(&cfg),
        LicenseState::decl(&cfg),
        LicenseStatus::decl(&cfg),
        KeyProgressState::decl(&cfg),
        KeyProgress::decl(&cfg),
        BackgroundCheck::decl(&cfg),
        UpdateChannel::decl(&cfg),
        UpdateSettings::decl(&cfg),
        UpdateInfo::decl(&cfg),
        UpdateEvent::decl(&cfg),
        instagrowth_store::snapshot::WorkspaceCounts::decl(&cfg),
        crate::backup::BackupManifest::decl(&cfg),
        crate::client_export::ClientExport::decl(&cfg),
        instagrowth_help::HelpArticleSummary::decl(&cfg),
        instagrowth_help::HelpArticle::decl(&cfg),
        instagrowth_help::HelpHit::decl(&cfg),
        crate::onboarding::Onboarding::decl(&cfg),
        crate::onboarding::OnboardingStep::decl(&cfg),
        crate::home::AttentionKind::decl(&cfg),
        crate::home::AttentionSeverity::decl(&cfg),
        crate::home::AttentionReason::decl(&cfg),
        crate::home::ClientAttention::decl(&cfg),
        crate::home::DueItem::decl(&cfg),
        crate::home::HomeOverview::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by `cargo test -p instagrowth-api bindings`.\n\
         // Do not edit: change the Rust type and run it with UPDATE_BINDINGS=1.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    // Numbers the UI must agree on with the back end.
    out.push_str(&format!(
        "/** A reply is a lead from this score up (the leads view, its CSV export, the home panel). */\n\
         export const LEAD_MIN_SCORE = {};\n",
        crate::replies::DEFAULT_MIN_LEAD_SCORE
    ));
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn bindings_are_up_to_date() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings.ts");
        let fresh = super::typescript();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p instagrowth-api bindings` and commit the result"
        );
    }
}
