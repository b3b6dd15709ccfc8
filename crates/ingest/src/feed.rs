//! RSS (0.9x, 1.0, 2.0; crate `rss`) and Atom (crate `atom_syndication`)
//! feeds: every item is a document. The item's HTML (`content:encoded`,
//! Atom `content`, else the description or summary) becomes plain text; its
//! id is the guid (Atom `id`), else the link, else `file#N`.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use sitrep_model::Document;

use crate::date::parse_published;
use crate::html::html_to_text;
use crate::source::Source;
use crate::{DocStream, IngestError};

/// One feed item before conversion, in a format-neutral shape.
struct Item {
    id: Option<String>,
    link: Option<String>,
    title: Option<String>,
    published: Option<String>,
    html: Vec<String>,
}

/// Reads every item of an RSS or Atom feed.
pub(crate) fn read(mut source: Source) -> DocStream {
    let (xml, notice) = match source.read_to_string() {
        Ok(decoded) => decoded,
        Err(err) => return Box::new(std::iter::once(Err(err))),
    };
    let parsed = catch_unwind(AssertUnwindSafe(|| parse(&xml)))
        .unwrap_or_else(|_| Err("the feed parser failed on this file".to_string()));
    let (feed_title, items) = match parsed {
        Ok(feed) => feed,
        Err(message) => {
            let err = IngestError::new(
                &source.origin,
                format!("not a readable RSS or Atom feed: {message}; skipped"),
            );
            return Box::new(notice.map(Err).into_iter().chain(std::iter::once(Err(err))));
        }
    };
    let documents: Vec<_> = notice
        .map(Err)
        .into_iter()
        .chain(
            items
                .into_iter()
                .enumerate()
                .map(|(index, item)| to_document(&source, feed_title.as_deref(), index + 1, item)),
        )
        .collect();
    Box::new(documents.into_iter())
}

fn to_document(
    source: &Source,
    feed_title: Option<&str>,
    number: usize,
    item: Item,
) -> Result<Document, IngestError> {
    let origin = format!("{} item {number}", source.origin);
    let text = item
        .html
        .iter()
        .map(|html| html_to_text(html))
        .find(|text| !text.trim().is_empty())
        .ok_or_else(|| IngestError::new(&origin, "feed item has no text; skipped"))?;
    let id = item
        .id
        .clone()
        .or_else(|| item.link.clone())
        .unwrap_or_else(|| format!("{}#{number}", source.id));
    Ok(Document {
        id,
        text,
        published: source.published(item.published.as_deref().and_then(parse_published)),
        title: item.title,
        url: item.link,
        source: feed_title.map(str::to_string),
    })
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Parses a feed as RSS first (its root is `rss` or `rdf:RDF`), then as Atom.
fn parse(xml: &str) -> Result<(Option<String>, Vec<Item>), String> {
    let rss_error = match rss::Channel::read_from(Cursor::new(xml.as_bytes())) {
        Ok(channel) => return Ok(from_rss(&channel)),
        Err(err) => err.to_string(),
    };
    match atom_syndication::Feed::read_from(Cursor::new(xml.as_bytes())) {
        Ok(feed) => Ok(from_atom(&feed)),
        Err(atom_error) => Err(format!("as RSS: {rss_error}; as Atom: {atom_error}")),
    }
}

fn from_rss(channel: &rss::Channel) -> (Option<String>, Vec<Item>) {
    let items = channel
        .items()
        .iter()
        .map(|item| Item {
            id: item.guid().and_then(|guid| non_empty(guid.value())),
            link: item.link().and_then(non_empty),
            title: item.title().and_then(non_empty),
            published: item.pub_date().map(str::to_string).or_else(|| {
                item.dublin_core_ext()
                    .and_then(|dc| dc.dates().first().cloned())
            }),
            html: [item.content(), item.description()]
                .into_iter()
                .flatten()
                .map(str::to_string)
                .collect(),
        })
        .collect();
    (non_empty(channel.title()), items)
}

fn from_atom(feed: &atom_syndication::Feed) -> (Option<String>, Vec<Item>) {
    let items = feed
        .entries()
        .iter()
        .map(|entry| {
            let link = entry
                .links()
                .iter()
                .find(|link| link.rel() == "alternate")
                .or_else(|| entry.links().first())
                .and_then(|link| non_empty(link.href()));
            Item {
                id: non_empty(entry.id()),
                link,
                title: non_empty(entry.title().as_str()),
                published: Some(
                    entry
                        .published()
                        .unwrap_or_else(|| entry.updated())
                        .to_rfc3339(),
                ),
                html: [
                    entry.content().and_then(|content| content.value()),
                    entry.summary().map(|summary| summary.as_str()),
                ]
                .into_iter()
                .flatten()
                .map(str::to_string)
                .collect(),
            }
        })
        .collect();
    (non_empty(feed.title().as_str()), items)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::Settings;

    fn check(xml: &str, expected: &[(&str, &str, Option<&str>, &str)]) {
        let source = Source {
            reader: Box::new(Cursor::new(xml.as_bytes().to_vec())),
            origin: "feed.xml".into(),
            id: "feed.xml".into(),
            settings: Arc::new(Settings::default()),
        };
        let got: Vec<(String, String, Option<String>, String)> = read(source)
            .map(|item| match item {
                Ok(doc) => (
                    doc.id,
                    doc.text,
                    doc.published.map(|d| d.to_string()),
                    String::new(),
                ),
                Err(err) => (String::new(), String::new(), None, err.to_string()),
            })
            .collect();
        let expected: Vec<(String, String, Option<String>, String)> = expected
            .iter()
            .map(|(id, text, date, err)| {
                (
                    id.to_string(),
                    text.to_string(),
                    date.map(str::to_string),
                    err.to_string(),
                )
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn reads_rss_items() {
        check(
            r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Frontline Wire</title>
<item><title>Bomb hits convoy</title><link>https://wire.example/a</link><guid>wire-1</guid><pubDate>Mon, 06 May 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;A roadside bomb hit an army convoy, killing two soldiers.&lt;/p&gt;</description></item>
<item><title>Protest</title><link>https://wire.example/b</link><description>Hundreds marched in the capital.</description>
<content:encoded><![CDATA[<p>Hundreds of teachers marched in the capital on Sunday.</p><p>Read more: strikes</p>]]></content:encoded></item>
<item><title>Empty</title><description></description></item>
</channel></rss>"#,
            &[
                (
                    "wire-1",
                    "A roadside bomb hit an army convoy, killing two soldiers.",
                    Some("2024-05-06"),
                    "",
                ),
                (
                    "https://wire.example/b",
                    "Hundreds of teachers marched in the capital on Sunday.",
                    None,
                    "",
                ),
                (
                    "",
                    "",
                    None,
                    "feed.xml item 3: feed item has no text; skipped",
                ),
            ],
        );
    }

    #[test]
    fn reads_atom_entries() {
        check(
            r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Monitor</title><id>urn:m</id><updated>2022-03-01T00:00:00Z</updated>
<entry><title>Clashes</title><id>urn:m:1</id><updated>2022-03-01T12:00:00Z</updated><published>2022-02-28T22:00:00Z</published>
<link rel="alternate" href="https://monitor.example/1"/><summary type="html">&lt;p&gt;Clashes left seven fighters dead.&lt;/p&gt;</summary></entry>
</feed>"#,
            &[(
                "urn:m:1",
                "Clashes left seven fighters dead.",
                Some("2022-02-28"),
                "",
            )],
        );
    }

    #[test]
    fn reports_broken_feeds() {
        check(
            "<rss><channel><item><title>unterminated",
            &[("", "", None, "feed.xml: not a readable RSS or Atom feed: as RSS: reached end of input without finding a complete channel; as Atom: input did not begin with an opening feed tag; skipped")],
        );
    }
}
