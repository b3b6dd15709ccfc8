//! Prints the triggers, actors and candidates of one text, for debugging rules:
//! `cargo run -p sitrep-extract --example debug_sentence -- "TEXT" [YYYY-MM-DD]`.

use sitrep_extract::Extractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let text = args
        .next()
        .ok_or("usage: debug_sentence TEXT [YYYY-MM-DD]")?;
    let published = args.next().map(|d| d.parse()).transpose()?;
    let extractor = Extractor::embedded()?;
    for m in extractor.actors().find(&text, published) {
        println!(
            "actor {:?} -> {:?} {:?} {:?} bare={}",
            m.span.slice(&text),
            m.actor.name,
            m.actor.country,
            m.actor.kind,
            m.bare_place
        );
    }
    for m in extractor.triggers().find(&text) {
        println!(
            "trigger {:?} {:?}",
            m.span.slice(&text),
            extractor.triggers().entry(&m).source
        );
    }
    let analyzed = sitrep_text::analyze(&text);
    for c in extractor.candidates(&text, &analyzed, published) {
        println!(
            "candidate {:?} {} a1={:?} a2={:?} killed={:?} injured={:?} date={:?}",
            c.acled.map(|t| t.sub_event_type()),
            c.plover,
            c.actor1.map(|a| a.actor.text),
            c.actor2.map(|a| a.actor.text),
            c.killed,
            c.injured,
            c.date.value
        );
    }
    Ok(())
}
