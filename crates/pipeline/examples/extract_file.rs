//! Runs the pipeline on one text file and prints its records as JSON lines:
//! `cargo run -p sitrep-pipeline --example extract_file -- FILE [YYYY-MM-DD]`.

use sitrep_model::Document;
use sitrep_pipeline::Pipeline;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: extract_file FILE [YYYY-MM-DD]")?;
    let published = args.next().map(|d| d.parse()).transpose()?;
    let doc = Document {
        id: path.clone(),
        text: std::fs::read_to_string(&path)?,
        published,
        ..Document::default()
    };
    let pipeline = Pipeline::load_default()?;
    for record in pipeline.extract(&doc).records() {
        println!("{}", record.to_json_line());
    }
    Ok(())
}
