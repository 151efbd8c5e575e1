use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "instagrowth",
    version,
    about = "InstaGrowth OS from the command line: the same workspace as the app"
)]
pub struct Cli {
    /// Workspace folder (default: the app's data folder; or INSTAGROWTH_DATA_DIR).
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "INSTAGROWTH_DATA_DIR",
        hide_env_values = true
    )]
    pub data_dir: Option<PathBuf>,

    /// Log more to stderr (-v info, -vv debug).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Manage client accounts.
    #[command(subcommand)]
    Clients(ClientsCommand),
    /// Workspace settings shared with the app.
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Audit a client's account: engagement, content score, reach-restriction risk, findings and
    /// a 30-day roadmap; optionally as the branded PDF.
    Audit {
        /// Client id or @handle.
        #[arg(long)]
        client: String,
        /// Write the narrative offline even when an AI provider is set up.
        #[arg(long)]
        offline: bool,
        /// Also write the branded PDF report here.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Draft content for a client: reel ideas, hooks, captions or hashtag sets, grounded in their
    /// niche, voice and best posts (offline from the library, or by the AI provider).
    Content {
        /// Client id or @handle.
        #[arg(long)]
        client: String,
        #[arg(long, value_enum)]
        kind: KindArg,
        /// How many items (1–30).
        #[arg(long, default_value_t = 5)]
        count: u32,
        /// What the content is about; the client's topics otherwise.
        #[arg(long)]
        topic: Option<String>,
        /// Draft from the library even when an AI provider is set up.
        #[arg(long)]
        offline: bool,
        /// The offline draft's seed: the same seed gives the same draft.
        #[arg(long)]
        seed: Option<u64>,
        #[arg(long)]
        json: bool,
        /// Also write the content pack as the branded PDF.
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Also write the items as CSV.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Make a 7, 14 or 30-day growth plan from the client's latest audit; the new plan becomes
    /// the active one.
    Plan {
        /// Client id or @handle.
        #[arg(long)]
        client: String,
        /// 7, 14 or 30.
        #[arg(long)]
        days: u32,
        /// First day (YYYY-MM-DD); tomorrow by default.
        #[arg(long)]
        start: Option<String>,
        #[arg(long, value_enum, default_value = "growth")]
        goal: GoalArg,
        #[arg(long, default_value_t = 3)]
        posts_per_week: u32,
        #[arg(long, default_value_t = 2)]
        stories_per_day: u32,
        /// A content pillar; repeat for several.
        #[arg(long = "pillar", value_name = "PILLAR")]
        pillars: Vec<String>,
        /// Plan offline even when an AI provider is set up (otherwise the model refines the
        /// posts' topics, hooks and briefs; the schedule stays the planner's).
        #[arg(long)]
        offline: bool,
        #[arg(long)]
        json: bool,
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        ics: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Triage comments and DMs for a client and draft replies in the brand's voice. They join the
    /// client's reply queue in the app; nothing is ever sent.
    Replies {
        /// Client id or @handle.
        #[arg(long)]
        client: String,
        /// A text file (one message per line, or `username: text`), a CSV file (`.csv`/`.tsv`:
        /// username, text, and optionally date and post), or `-` for text on stdin.
        #[arg(long, value_name = "FILE", required_unless_present = "awaiting_dms")]
        input: Option<PathBuf>,
        /// Take the imported DM threads awaiting a reply instead of a file.
        #[arg(long, conflicts_with = "input")]
        awaiting_dms: bool,
        /// Whether the messages are comments or DMs (drafts are sized for it).
        #[arg(long, value_enum, default_value = "comment")]
        channel: ChannelArg,
        /// Triage and draft offline even when an AI provider is set up.
        #[arg(long)]
        offline: bool,
        #[arg(long)]
        json: bool,
        /// Also write the client's leads (all queued messages scoring at least
        /// --min-lead-score) as CSV.
        #[arg(long, value_name = "FILE")]
        leads_csv: Option<PathBuf>,
        #[arg(long, default_value_t = 40)]
        min_lead_score: u32,
    },
    /// The agency's branding on reports: name, logo, colours, contact line, paper, white label.
    Branding {
        #[arg(long)]
        agency_name: Option<String>,
        /// A PNG or JPEG file.
        #[arg(long, value_name = "FILE", conflicts_with = "remove_logo")]
        logo: Option<PathBuf>,
        #[arg(long)]
        remove_logo: bool,
        /// `#rrggbb`.
        #[arg(long, value_name = "HEX")]
        primary: Option<String>,
        /// `#rrggbb`.
        #[arg(long, value_name = "HEX")]
        accent: Option<String>,
        /// e.g. "hello@agency.com · agency.com".
        #[arg(long)]
        contact: Option<String>,
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// No InstaGrowth OS mark on reports.
        #[arg(long, value_name = "BOOL")]
        white_label: Option<bool>,
        #[arg(long)]
        json: bool,
    },
    /// The AI provider (your own OpenAI-compatible key or a local model), its key, and usage.
    #[command(subcommand)]
    Ai(AiCommand),
    /// The licence: activate this computer with a purchase key, see where it stands (trial,
    /// active, grace, read-only), refresh it, or deactivate this computer.
    #[command(subcommand)]
    License(LicenseCommand),
    /// The whole workspace in one file (.igbackup), and back into an empty workspace. Never holds
    /// secrets (keys stay in the OS keychain) or this computer's licence.
    #[command(subcommand)]
    Backup(BackupCommand),
    /// The help centre offline: list the articles, search them, or print one.
    #[command(subcommand)]
    Guide(GuideCommand),
    /// The app's first-run setup (licence, AI, branding, first client, import, audit): where it
    /// stands, skip it, or bring it back.
    #[command(subcommand)]
    Onboarding(OnboardingCommand),
    /// What needs doing today: clients whose reach is falling, with no recent import, with plan
    /// items due or overdue, or with replies waiting; and today's plan items across clients.
    Home {
        /// The day to look from (YYYY-MM-DD); today by default.
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Import a client's Instagram data: the "Download your information" export (JSON; a zip,
    /// several part-zips, or the unpacked folder) or a Meta Business Suite content CSV.
    Import {
        /// Client id or @handle.
        #[arg(long)]
        client: String,
        /// The export zip(s), its folder, or the CSV.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Import even when the export belongs to another Instagram account than the client's.
        #[arg(long)]
        force: bool,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ClientsCommand {
    /// Add a client.
    Add {
        /// Display name.
        #[arg(long)]
        name: String,
        /// Instagram handle, with or without '@'.
        #[arg(long)]
        handle: String,
        #[command(flatten)]
        fields: ClientFields,
        #[arg(long)]
        json: bool,
    },
    /// List clients (active ones unless --archived or --all).
    List {
        /// Match anywhere in the name or handle.
        #[arg(long, short)]
        search: Option<String>,
        /// Only clients with this tag.
        #[arg(long)]
        tag: Option<String>,
        /// Archived clients only.
        #[arg(long, conflicts_with = "all")]
        archived: bool,
        /// Active and archived clients.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show one client.
    Show {
        /// Client id or @handle.
        client: String,
        #[arg(long)]
        json: bool,
    },
    /// Change a client's details; only the options given change.
    Update {
        /// Client id or @handle.
        client: String,
        /// New display name.
        #[arg(long)]
        name: Option<String>,
        /// New Instagram handle.
        #[arg(long)]
        handle: Option<String>,
        #[command(flatten)]
        fields: ClientFields,
        /// Remove all tags (before adding any --tag given).
        #[arg(long)]
        clear_tags: bool,
        #[arg(long)]
        json: bool,
    },
    /// Archive a client: kept, but no longer active (frees a place under the plan's limit).
    Archive {
        /// Client id or @handle.
        client: String,
        #[arg(long)]
        json: bool,
    },
    /// Write everything stored about a client to a zip (one JSON file per table, and a README):
    /// for the client's own data request, or handing the account over.
    Export {
        /// Client id or @handle.
        client: String,
        /// The zip to write (replaced if it exists).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Make an archived client active again.
    Unarchive {
        /// Client id or @handle.
        client: String,
        #[arg(long)]
        json: bool,
    },
    /// Delete a client and all its data, for good.
    Delete {
        /// Client id or @handle.
        client: String,
        /// Confirm the deletion (required).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
}

/// The optional details of a client, shared by `add` and `update`.
#[derive(Args, Debug, Default)]
pub struct ClientFields {
    #[arg(long)]
    pub niche: Option<String>,
    #[arg(long)]
    pub goals: Option<String>,
    #[arg(long)]
    pub audience: Option<String>,
    /// How the brand sounds ("warm, witty, no slang").
    #[arg(long)]
    pub voice: Option<String>,
    /// A tag; repeat for several, or separate with commas.
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    #[arg(long)]
    pub notes: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum SettingsCommand {
    /// Show or set the time zone local times in imports are read in (IANA name, e.g. Europe/Berlin).
    TimeZone {
        /// The new zone; omit to show the current one.
        zone: Option<String>,
    },
}

/// The provider presets (`--preset`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresetArg {
    Openai,
    Openrouter,
    Ollama,
    Lmstudio,
    Custom,
}

#[derive(Subcommand, Debug)]
pub enum OnboardingCommand {
    /// Where the setup stands.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Put the setup aside: the app opens on the client list.
    Skip {
        #[arg(long)]
        json: bool,
    },
    /// Show the setup again when the app opens, where it was left (or from the start).
    Resume {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum GuideCommand {
    /// Every article, by category.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Articles matching QUERY, best first.
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Print one article (its Markdown text; the rendered article with --json).
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum BackupCommand {
    /// Write a backup of the workspace to FILE (replaced if it exists).
    Create {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Restore FILE into the workspace folder, which must have no clients (use --data-dir to
    /// name a new one). Close the app on that folder first.
    Restore {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Say what FILE holds, without restoring it.
    Inspect {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum LicenseCommand {
    /// Activate this computer with a purchase key (IGOS-XXXXX-XXXXX-XXXXX-XXXXX, from the
    /// e-mail); `-` reads it from stdin. The key goes to the OS keychain, the signed licence file
    /// to the workspace folder.
    Activate {
        key: String,
        /// How this computer is listed at the licence server (default: its host name).
        #[arg(long)]
        machine_name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Where the licence stands, checked offline: state, plan, limits, dates.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Free this computer's seat at the licence server, then remove the licence and the key here.
    Deactivate {
        #[arg(long)]
        json: bool,
    },
    /// Fetch a fresh licence file from the licence server now.
    Refresh {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AiCommand {
    /// Choose the provider: a preset, optionally with its base URL or model changed.
    Configure {
        #[arg(long, value_enum)]
        preset: PresetArg,
        /// The OpenAI-compatible base URL (required for custom), e.g. https://host/v1.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// The model name as the provider lists it (`instagrowth ai models`).
        #[arg(long)]
        model: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show the provider, whether a key is stored, and this month's credits.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Send one small request: proves the address, the key and the model, and times it.
    Test {
        #[arg(long)]
        json: bool,
    },
    /// Store the provider's API key in the OS keychain, read from stdin (never an argument).
    SetKey,
    /// Remove the provider's API key from the OS keychain.
    RemoveKey,
    /// List the models the provider offers.
    Models {
        #[arg(long)]
        json: bool,
    },
    /// Show or set the monthly allowance of AI credits (one credit = one successful generation).
    /// The licence's monthly AI credits are the ceiling: a lower number is a budget of your own.
    Allowance {
        /// The new allowance; omit to show the current one.
        credits: Option<i64>,
    },
    /// Forget the provider: everything is drafted offline.
    Disable,
    /// AI usage per month and per client, and the latest calls.
    Usage {
        /// Only this client (id or @handle).
        #[arg(long)]
        client: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write three sample hooks with the configured model (progress on stderr).
    Sample {
        /// For this client (id or @handle); a generic client otherwise.
        #[arg(long)]
        client: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperArg {
    A4,
    Letter,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindArg {
    Reels,
    Hooks,
    Captions,
    Hashtags,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalArg {
    Growth,
    Engagement,
    Leads,
    Recovery,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChannelArg {
    Comment,
    Dm,
}
