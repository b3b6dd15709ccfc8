//! Every HTTP endpoint: routing, handlers and the JSON error shape.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::{Deserialize, Serialize};
use sitrep_model::{stable_hash, Document, Event, Figure};
use sitrep_store::{DocumentRecords, Filter, IngestStatus, StoreError};

use crate::params::{events_query, stats_query, store_flag, EventsQuery, Format};
use crate::{assets, formats, AppState};

/// An error answered as `{"error": {"status": N, "message": "..."}}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    /// A 400 with a message that says what to send instead.
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// A 404 for a dashboard file that does not exist.
    pub fn not_found_asset(name: &str) -> Self {
        ApiError::not_found(format!("no dashboard asset {name:?}"))
    }

    fn internal(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::BadRequest(message) => ApiError::bad_request(message),
            other => ApiError::internal(other.to_string()),
        }
    }
}

impl From<std::io::Error> for ApiError {
    fn from(error: std::io::Error) -> Self {
        ApiError::internal(format!("cannot write the response: {error}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": {"status": self.status.as_u16(), "message": self.message}
        });
        (self.status, json_headers(), body.to_string()).into_response()
    }
}

fn json_headers() -> [(header::HeaderName, HeaderValue); 1] {
    [(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    )]
}

fn json_response(body: impl Into<Body>) -> Response {
    (json_headers(), body.into()).into_response()
}

/// The application's routes.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    let max_body = state.max_body;
    Router::new()
        .route("/api/events", get(list_events))
        .route("/api/events/{id}", get(event_detail))
        .route("/api/documents", axum::routing::post(post_documents))
        .route("/api/documents/{id}", get(document_detail))
        .route("/api/stats", get(stats))
        .route("/api/openapi.json", get(openapi))
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint; see /api/openapi.json")
}

/// Runs store work on the blocking pool so slow queries never stall the event loop.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(format!("the request's worker failed: {e}")))?
}

/// Reads a page of `/api/events`. A page an index answers (no filter, or only
/// dates and country) takes a fraction of a millisecond: it runs right on this
/// worker. Other filters may scan much of the store: the runtime is told to
/// move its other tasks away meanwhile.
fn read_page<T>(
    filter: &Filter,
    read: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, ApiError> {
    if filter.pages_from_index() {
        Ok(read()?)
    } else {
        Ok(tokio::task::block_in_place(read)?)
    }
}

async fn list_events(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let query = events_query(query.as_deref())?;
    match query.format {
        Format::Json => json_page(&state, &query),
        Format::Csv | Format::GeoJson => export_page(&state, &query),
    }
}

/// A JSON page: the stored JSON of each incident spliced in as is.
fn json_page(state: &AppState, query: &EventsQuery) -> Result<Response, ApiError> {
    let limit = query.page.limit.clamp(1, sitrep_store::MAX_PAGE);
    let mut body = Vec::with_capacity(limit * 1024 + 128);
    body.extend_from_slice(b"{\"events\":[");
    let (count, next) = read_page(&query.filter, || {
        state
            .reader()
            .query_json(&query.filter, &query.page, &mut body)
    })?;
    body.extend_from_slice(b"],\"count\":");
    body.extend_from_slice(count.to_string().as_bytes());
    body.extend_from_slice(b",\"next\":");
    serde_json::to_writer(&mut body, &next.map(|c| c.encode()))
        .map_err(|e| ApiError::internal(e.to_string()))?;
    body.push(b'}');
    Ok(json_response(body))
}

/// A CSV page (next cursor in `X-Next-Cursor`) or a GeoJSON page.
fn export_page(state: &AppState, query: &EventsQuery) -> Result<Response, ApiError> {
    let page = read_page(&query.filter, || {
        state.reader().query(&query.filter, &query.page)
    })?;
    let next = page.next.as_ref().map(|c| c.encode());
    let mut body = Vec::new();
    if query.format == Format::Csv {
        formats::write_csv(&mut body, &page.items)?;
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/csv; charset=utf-8"),
        );
        if let Some(next) = next.and_then(|n| HeaderValue::from_str(&n).ok()) {
            headers.insert("x-next-cursor", next);
        }
        return Ok((headers, body).into_response());
    }
    formats::write_geojson(&mut body, &page.items, next.as_deref())?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/geo+json"),
        )],
        body,
    )
        .into_response())
}

async fn event_detail(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let detail = blocking({
        let id = id.clone();
        move || Ok(state.reader().incident(&id)?)
    })
    .await?
    .ok_or_else(|| ApiError::not_found(format!("no event or incident with id {id:?}")))?;
    let mut value: serde_json::Value =
        serde_json::from_str(&detail.json).map_err(|e| ApiError::internal(e.to_string()))?;
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "sources".into(),
            serde_json::to_value(&detail.sources).map_err(|e| ApiError::internal(e.to_string()))?,
        );
    }
    Ok(json_response(value.to_string()))
}

#[derive(Serialize)]
struct DocumentView {
    #[serde(flatten)]
    document: Document,
    events: Vec<Event>,
    figures: Vec<Figure>,
}

async fn document_detail(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let view = blocking({
        let id = id.clone();
        move || {
            let store = state.reader();
            let Some(document) = store.document(&id)? else {
                return Ok(None);
            };
            Ok(Some(DocumentView {
                events: store.document_events(&id)?,
                figures: store.document_figures(&id)?,
                document,
            }))
        }
    })
    .await?
    .ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))?;
    let body = serde_json::to_string(&view).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(json_response(body))
}

async fn stats(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let filter = stats_query(query.as_deref())?;
    let stats = blocking(move || Ok(state.reader().stats(&filter)?)).await?;
    let body = serde_json::to_string(&stats).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(json_response(body))
}

async fn openapi() -> Response {
    json_response(assets::OPENAPI)
}

/// One article as posted: only `text` is required.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PostedDocument {
    id: Option<String>,
    #[serde(alias = "body", alias = "content")]
    text: String,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    published: Option<String>,
}

/// The accepted body shapes: one article, a list, or `{"documents": [...]}`.
#[derive(Deserialize)]
#[serde(untagged)]
enum PostBody {
    Many(Vec<PostedDocument>),
    Wrapped { documents: Vec<PostedDocument> },
    One(PostedDocument),
}

#[derive(Serialize)]
struct PostedResult {
    id: String,
    status: Option<IngestStatus>,
    events: Vec<Event>,
    figures: Vec<Figure>,
    /// For each event, the incident it joined (stored runs only).
    incidents: Vec<String>,
}

/// The most articles one request may carry.
const MAX_DOCUMENTS: usize = 1000;

fn to_document(posted: PostedDocument) -> Result<Document, ApiError> {
    if posted.text.trim().is_empty() {
        return Err(ApiError::bad_request(
            "a document has an empty \"text\"; send the article's text",
        ));
    }
    let published = match posted.published.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(
            text.get(..10)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "published={text:?} is not a date; use YYYY-MM-DD or an RFC 3339 timestamp"
                    ))
                })?,
        ),
    };
    let id = posted
        .id
        .filter(|id| !id.trim().is_empty())
        .unwrap_or_else(|| format!("posted-{:016x}", stable_hash(&[posted.text.as_bytes()])));
    Ok(Document {
        id,
        text: posted.text,
        published,
        title: posted.title,
        url: posted.url,
        source: posted.source,
    })
}

fn parse_documents(headers: &HeaderMap, body: &[u8]) -> Result<Vec<Document>, ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("text/plain") {
        let text = std::str::from_utf8(body)
            .map_err(|_| ApiError::bad_request("the body is not valid UTF-8 text"))?;
        return Ok(vec![to_document(PostedDocument {
            id: None,
            text: text.to_string(),
            title: None,
            url: None,
            source: None,
            published: None,
        })?]);
    }
    let parsed: PostBody = serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(format!(
            "the body is not a document ({{\"text\": ...}}), a list of documents, or {{\"documents\": [...]}} ({e}); \
             send text/plain for one bare article"
        ))
    })?;
    let posted = match parsed {
        PostBody::One(one) => vec![one],
        PostBody::Many(many) | PostBody::Wrapped { documents: many } => many,
    };
    if posted.is_empty() || posted.len() > MAX_DOCUMENTS {
        return Err(ApiError::bad_request(format!(
            "send from 1 to {MAX_DOCUMENTS} documents per request (got {})",
            posted.len()
        )));
    }
    posted.into_iter().map(to_document).collect()
}

async fn post_documents(
    State(state): State<Arc<AppState>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|e| ApiError {
        status: e.status(),
        message: format!(
            "cannot read the body ({}); the limit is {} bytes, split large batches",
            e.body_text(),
            state.max_body
        ),
    })?;
    let store = store_flag(query.as_deref())?;
    let documents = parse_documents(&headers, &body)?;
    let results = blocking(move || {
        let batch: Vec<DocumentRecords> = documents
            .into_iter()
            .map(|document| {
                let extraction = state.pipeline.extract(&document);
                DocumentRecords {
                    places: state.pipeline.places(&document),
                    document,
                    events: extraction.events,
                    figures: extraction.figures,
                }
            })
            .collect();
        let reports = if store {
            Some(state.writer().ingest_batch(&batch, state.rule.as_ref())?)
        } else {
            None
        };
        Ok(batch
            .into_iter()
            .enumerate()
            .map(|(index, records)| {
                let report = reports.as_ref().and_then(|r| r.get(index));
                PostedResult {
                    id: records.document.id,
                    status: report.map(|r| r.status),
                    incidents: report
                        .map(|r| r.events.iter().map(|(_, i)| i.clone()).collect())
                        .unwrap_or_default(),
                    events: records.events,
                    figures: records.figures,
                }
            })
            .collect::<Vec<_>>())
    })
    .await?;
    let body = serde_json::json!({ "documents": results }).to_string();
    Ok(json_response(body))
}
