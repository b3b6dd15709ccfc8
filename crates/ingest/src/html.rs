//! HTML article pages: main text by the Readability algorithm (`dom_smoothie`),
//! then menus, bylines and "Read:"/"Also read"/"Related:" link lines dropped
//! (see `data/boilerplate.tsv`). Title, canonical URL, publication date and
//! site name come from `<meta>`, `<link rel=canonical>` and JSON-LD.

use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};
use sitrep_model::Document;

use crate::boilerplate::is_boilerplate;
use crate::date::parse_published;
use crate::source::Source;
use crate::{DocStream, IngestError};

/// Pages with more elements than this are read without the Readability scoring
/// (which is quadratic in the worst case): all body text, boilerplate-filtered.
const MAX_SCORED_ELEMENTS: usize = 100_000;

/// Pages nested deeper than this are not parsed into a tree (the HTML parser
/// is quadratic in the nesting depth): their tags are stripped instead.
const MAX_NESTING_DEPTH: usize = 1_000;

/// Elements that never contain others, or that the parser closes by itself.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "td", "th", "tr", "track", "wbr",
];

/// Elements after which stripped text gets a line break.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "article",
    "section",
    "blockquote",
    "table",
    "ul",
    "ol",
];

/// `<meta>` names and properties that carry a publication date, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

/// Reads one HTML page as one document.
pub(crate) fn read(mut source: Source) -> DocStream {
    let (html, notice) = match source.read_to_string() {
        Ok(decoded) => decoded,
        Err(err) => return Box::new(std::iter::once(Err(err))),
    };
    let page = read_page(&source, &html);
    Box::new(notice.map(Err).into_iter().chain(std::iter::once(page)))
}

fn read_page(source: &Source, html: &str) -> Result<Document, IngestError> {
    let page = catch_unwind(AssertUnwindSafe(|| extract_page(html))).map_err(|_| {
        IngestError::new(
            &source.origin,
            "the HTML parser failed on this page; skipped (please report the page)",
        )
    })?;
    if page.text.trim().is_empty() {
        return Err(IngestError::new(
            &source.origin,
            "no article text found in the page; skipped",
        ));
    }
    Ok(Document {
        id: source.id.clone(),
        text: page.text,
        published: source.published(page.published),
        title: page.title,
        url: page.url,
        source: page.site_name,
    })
}

/// What an article page yields.
#[derive(Debug, Default, PartialEq)]
struct Page {
    text: String,
    title: Option<String>,
    url: Option<String>,
    published: Option<NaiveDate>,
    site_name: Option<String>,
}

fn extract_page(html: &str) -> Page {
    if nesting_depth(html) > MAX_NESTING_DEPTH {
        return Page {
            text: clean_text(&strip_tags(html), None),
            ..Page::default()
        };
    }
    let document = dom_query::Document::from(html);
    let url = canonical_url(&document);
    let meta_published = meta_date(&document);
    let element_count = document.select("*").length();
    let fallback_title = non_empty(document.select("title").text().to_string());
    let headline = headline(&document, fallback_title.as_deref());
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_SCORED_ELEMENTS,
        ..Config::default()
    };
    let article = if element_count <= MAX_SCORED_ELEMENTS {
        Readability::with_document(document, None, Some(config))
            .ok()
            .and_then(|mut readability| readability.parse().ok())
    } else {
        None
    };
    match article {
        Some(article) => {
            let title = headline
                .or_else(|| non_empty(article.title))
                .or(fallback_title);
            Page {
                text: clean_text(&article.text_content, title.as_deref()),
                published: meta_published
                    .or_else(|| article.published_time.as_deref().and_then(parse_published)),
                url: url.or(article.url),
                site_name: article.site_name.and_then(non_empty),
                title,
            }
        }
        None => Page {
            text: body_text(html, fallback_title.as_deref()),
            title: headline.or(fallback_title),
            url,
            published: meta_published,
            site_name: None,
        },
    }
}

/// All visible body text when Readability finds no article.
fn body_text(html: &str, title: Option<&str>) -> String {
    let document = dom_query::Document::from(html);
    document
        .select("script, style, noscript, nav, header, footer, aside, form, template, svg")
        .remove();
    let body = document.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        document.root().formatted_text()
    };
    clean_text(&text, title)
}

/// Converts an HTML fragment (a feed item's description) to plain text,
/// keeping paragraph breaks and dropping boilerplate lines.
pub fn html_to_text(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return clean_text(fragment, None);
    }
    catch_unwind(AssertUnwindSafe(|| {
        let document = dom_query::Document::fragment(fragment);
        document.select("script, style").remove();
        clean_text(&document.root().formatted_text(), None)
    }))
    .unwrap_or_default()
}

/// Drops boilerplate lines and a repeated headline; keeps one blank line between paragraphs.
fn clean_text(text: &str, title: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if is_boilerplate(line) || Some(line) == title {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(line);
        blank = false;
    }
    out
}

/// The headline without the site name: `og:title`, else the one `<h1>` when
/// `<title>` starts with it ("Clash in Tame - Wire" → "Clash in Tame").
fn headline(document: &dom_query::Document, title: Option<&str>) -> Option<String> {
    let og_title = document
        .select("meta[property=\"og:title\"]")
        .iter()
        .find_map(|meta| meta.attr("content"))
        .and_then(|t| non_empty(t.to_string()));
    og_title.or_else(|| {
        let h1 = document.select("h1");
        let text = non_empty(h1.text().to_string()).filter(|_| h1.length() == 1)?;
        title.filter(|t| t.starts_with(&text)).map(|_| text)
    })
}

fn canonical_url(document: &dom_query::Document) -> Option<String> {
    let attr = |selector: &str, name: &str| {
        document
            .select(selector)
            .iter()
            .filter_map(|node| node.attr(name))
            .map(|value| value.trim().to_string())
            .find(|value| value.starts_with("http"))
    };
    attr("link[rel~=canonical]", "href").or_else(|| attr("meta[property=\"og:url\"]", "content"))
}

fn meta_date(document: &dom_query::Document) -> Option<NaiveDate> {
    let metas: Vec<(String, String)> = document
        .select("meta")
        .iter()
        .filter_map(|meta| {
            let key = meta
                .attr("property")
                .or_else(|| meta.attr("name"))
                .or_else(|| meta.attr("itemprop"))?;
            let value = meta.attr("content").or_else(|| meta.attr("datetime"))?;
            Some((key.trim().to_ascii_lowercase(), value.trim().to_string()))
        })
        .collect();
    let from_meta = DATE_META.iter().find_map(|wanted| {
        let wanted = wanted.to_ascii_lowercase();
        metas
            .iter()
            .filter(|(key, _)| *key == wanted)
            .find_map(|(_, value)| parse_published(value))
    });
    from_meta.or_else(|| {
        document
            .select("time[datetime]")
            .iter()
            .filter_map(|time| time.attr("datetime"))
            .find_map(|value| parse_published(&value))
    })
}

/// The tag name after a `<` or `</`, lower case, and the rest of the input.
fn tag_name(rest: &str) -> String {
    rest.chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A fast estimate of how deeply the page's elements nest.
fn nesting_depth(html: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        if let Some(closing) = rest.strip_prefix('/') {
            if !NON_NESTING.contains(&tag_name(closing).as_str()) {
                depth = depth.saturating_sub(1);
            }
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let name = tag_name(rest);
            let self_closing = rest.split('>').next().is_some_and(|tag| tag.ends_with('/'));
            if !self_closing && !NON_NESTING.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
    }
    deepest
}

/// Text of a page too malformed to parse: tags removed, scripts and styles
/// dropped, block ends turned into line breaks, common entities decoded.
fn strip_tags(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let tag = &rest[open + 1..];
        let name = tag_name(tag.trim_start_matches('/'));
        let end = tag.find('>').map_or(tag.len(), |i| i + 1);
        rest = &tag[end..];
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = lower.find(&close).map_or("", |i| &rest[i..]);
        }
        if BLOCKS.contains(&name.as_str()) {
            text.push('\n');
        }
    }
    text.push_str(rest);
    decode_entities(&text)
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity_end = after.find(';').filter(|&i| i <= 10);
        let decoded = entity_end.and_then(|i| {
            let entity = &after[..i];
            let named = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => None,
            };
            named.or_else(|| {
                let number = entity.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => number.parse().ok()?,
                };
                char::from_u32(code)
            })
        });
        match (decoded, entity_end) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn non_empty(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<title>Shelling kills five in frontline town - The Daily Ledger</title>
<link rel="canonical" href="https://ledger.example/world/shelling-frontline-town">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2023-06-14T09:30:00+03:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="menu">Menu</div></header>
<article>
<h1>Shelling kills five in frontline town</h1>
<p class="byline">By Mariam Haddad</p>
<p>Artillery shells struck a market in the frontline town on Tuesday morning, killing five civilians and wounding at least twelve others, local officials said.</p>
<p>Read: How the front line shifted this spring</p>
<p>The regional governor said the shelling came from positions held by separatist forces east of the river, and that rescue teams were still searching the rubble of two shops.</p>
<p>Also read: Aid convoys reach besieged villages</p>
<p>Residents described hearing at least six explosions in the space of ten minutes. "We ran into the basement with the children," said one shopkeeper, who gave only his first name.</p>
<p>Related: Ceasefire talks stall again</p>
</article>
<footer><p>Copyright 2023 The Daily Ledger. All rights reserved.</p><a href="/subscribe">Subscribe to our newsletter</a></footer>
</body></html>"#;

    #[test]
    fn extracts_article_text_and_metadata() {
        let page = extract_page(ARTICLE);
        assert_eq!(
            page.url.as_deref(),
            Some("https://ledger.example/world/shelling-frontline-town")
        );
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2023, 6, 14));
        assert_eq!(page.site_name.as_deref(), Some("The Daily Ledger"));
        assert_eq!(
            page.title.as_deref(),
            Some("Shelling kills five in frontline town")
        );
        assert!(
            page.text.starts_with("Artillery shells struck a market"),
            "{}",
            page.text
        );
        assert!(
            page.text.contains("\n\nThe regional governor said"),
            "{}",
            page.text
        );
        assert!(
            page.text.ends_with("who gave only his first name."),
            "{}",
            page.text
        );
        for dropped in [
            "Read:",
            "Also read",
            "Related:",
            "Mariam",
            "Home",
            "Menu",
            "Subscribe",
            "Copyright",
        ] {
            assert!(
                !page.text.contains(dropped),
                "{dropped:?} left in {}",
                page.text
            );
        }
    }

    #[test]
    fn takes_the_date_from_json_ld() {
        let html = r#"<html><head><title>Clashes</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Clashes erupt near the border","datePublished":"2021-09-02T18:00:00Z","url":"https://news.example/clashes"}</script>
</head><body><p>Fighting between two armed groups near the border town left at least nine fighters dead on Wednesday, according to a monitoring group that tracks the conflict from abroad.</p></body></html>"#;
        let page = extract_page(html);
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2021, 9, 2));
        assert!(page.text.contains("nine fighters dead"), "{}", page.text);
    }

    #[test]
    fn survives_soup_and_deep_nesting() {
        let deep = format!(
            "{}text at the bottom &amp; more{}",
            "<div><span>".repeat(50_000),
            "</b>".repeat(10)
        );
        for soup in [
            "<<<>>><p<p<p>></div></table><td>cell</td>&amp;&#xZZZ;&bogus;",
            "<html><body><table><tr><td><p>unclosed <b>bold <i>italic</table>tail text",
            "",
            "<script>var x = '</p>';</script>",
            deep.as_str(),
        ] {
            let _ = extract_page(soup);
        }
        assert_eq!(extract_page(&deep).text, "text at the bottom & more");
        let script = "<div>".repeat(2_000)
            + "<script>var s = '<p>hidden</p>';</script><p>shown &#x41;&#66;</p>";
        assert_eq!(extract_page(&script).text, "shown AB");
    }

    #[test]
    fn estimates_nesting_depth() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b<br><img src=x/></div></body></html>"),
            3
        );
        assert_eq!(nesting_depth(&"<ul><li>item".repeat(10)), 10);
        assert_eq!(nesting_depth("a < b and c<d"), 1);
    }

    #[test]
    fn fragments_become_text() {
        assert_eq!(
            html_to_text("<p>Two police officers were wounded.</p><p>Read more: <a href='x'>earlier attacks</a></p>"),
            "Two police officers were wounded."
        );
        assert_eq!(html_to_text("Plain &amp; simple"), "Plain & simple");
        assert_eq!(
            html_to_text("plain text, no markup"),
            "plain text, no markup"
        );
    }
}
