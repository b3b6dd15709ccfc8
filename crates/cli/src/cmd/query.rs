//! `sitrep query`: incidents from the store, filtered, in any output format.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use sitrep_store::{BBox, Filter, IncidentRow, PageRequest, Store, MAX_PAGE};

/// Arguments of `sitrep query`.
#[derive(clap::Args)]
pub struct Args {
    /// The database file.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Earliest date (YYYY-MM-DD, inclusive).
    #[arg(long)]
    pub from: Option<NaiveDate>,
    /// Latest date (YYYY-MM-DD, inclusive).
    #[arg(long)]
    pub to: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2 country code of the location.
    #[arg(long)]
    pub country: Option<String>,
    /// First-level administrative division.
    #[arg(long)]
    pub admin1: Option<String>,
    /// ACLED event type or sub-event type ("Battles", "Air/drone strike").
    #[arg(long)]
    pub event_type: Option<String>,
    /// Words in an actor's text, name or code.
    #[arg(long)]
    pub actor: Option<String>,
    /// Words in any source's evidence sentence.
    #[arg(long)]
    pub text: Option<String>,
    /// Bounding box: min_lon,min_lat,max_lon,max_lat.
    #[arg(long, allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// At most this many incidents (most recent first); all by default.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format: jsonl, csv, geojson or table.
    #[arg(long, default_value = "jsonl")]
    pub format: String,
}

/// Runs the query and writes the incidents to standard output.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !["jsonl", "csv", "geojson", "table"].contains(&args.format.as_str()) {
        anyhow::bail!(
            "--format {} is not one of jsonl, csv, geojson, table",
            args.format
        );
    }
    if !args.db.exists() {
        anyhow::bail!(
            "no store at {}; create one with `sitrep ingest --db {} ARTICLES...`",
            args.db.display(),
            args.db.display()
        );
    }
    let bbox = match &args.bbox {
        Some(text) => Some(text.parse::<BBox>()?),
        None => None,
    };
    let filter = Filter {
        from: args.from,
        to: args.to,
        country: args.country,
        admin1: args.admin1,
        event_type: args.event_type,
        actor: args.actor,
        text: args.text,
        bbox,
    };
    let store = Store::open_reader(&args.db)
        .with_context(|| format!("opening the store {}", args.db.display()))?;
    let rows = collect(&store, &filter, args.limit.unwrap_or(usize::MAX))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match args.format.as_str() {
        "csv" => sitrep_server::write_csv(&mut out, &rows),
        "geojson" => {
            sitrep_server::write_geojson(&mut out, &rows, None).and_then(|()| writeln!(out))
        }
        "table" => write_table(&mut out, &rows),
        _ => rows
            .iter()
            .try_for_each(|row| writeln!(out, "{}", row.json)),
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => {
            other?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn collect(store: &Store, filter: &Filter, limit: usize) -> anyhow::Result<Vec<IncidentRow>> {
    let mut rows = Vec::new();
    let mut request = PageRequest {
        limit: MAX_PAGE,
        cursor: None,
    };
    while rows.len() < limit {
        request.limit = (limit - rows.len()).min(MAX_PAGE);
        let page = store.query(filter, &request)?;
        rows.extend(page.items);
        match page.next {
            Some(next) => request.cursor = Some(next),
            None => break,
        }
    }
    Ok(rows)
}

fn write_table(out: &mut impl Write, rows: &[IncidentRow]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<10}  {:<34}  {:<24}  {:>6}  {:>7}  actor",
        "date", "type", "place", "killed", "sources"
    )?;
    for row in rows {
        let Ok(event) = row.event() else { continue };
        let sources = row
            .json
            .split("\"source_count\":")
            .nth(1)
            .and_then(|rest| rest.split([',', '}']).next())
            .unwrap_or("1");
        let kind = event
            .acled
            .as_ref()
            .map(|a| a.sub_event_type.as_str())
            .unwrap_or("-");
        let place = event
            .location
            .as_ref()
            .and_then(|l| l.name.clone().or(l.text.clone()))
            .unwrap_or_default();
        let actor = event
            .actor1
            .as_ref()
            .map(|a| a.name.clone().unwrap_or(a.text.clone()))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<10}  {:<34.34}  {:<24.24}  {:>6}  {:>7}  {}",
            event.date.value.map(|d| d.to_string()).unwrap_or_default(),
            kind,
            place,
            event.fatalities,
            sources,
            actor
        )?;
    }
    Ok(())
}
