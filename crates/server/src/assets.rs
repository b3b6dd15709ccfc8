//! The dashboard's files, embedded in the binary so `sitrep serve` works offline.

use axum::extract::Path;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// The OpenAPI 3.1 description of the API.
pub const OPENAPI: &str = include_str!("openapi.json");

/// (file name, content type, bytes) of every dashboard asset.
const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../../dashboard/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../../dashboard/style.css"),
    ),
    (
        "basemap.json",
        "application/json",
        include_bytes!("../../../dashboard/basemap.json"),
    ),
];

const INDEX: &str = include_str!("../../../dashboard/index.html");

/// `GET /`: the dashboard page.
pub async fn index() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        INDEX,
    )
        .into_response()
}

/// `GET /assets/{name}`: one embedded file.
pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(file, _, _)| *file == name) {
        Some((_, content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            *bytes,
        )
            .into_response(),
        None => crate::api::ApiError::not_found_asset(&name).into_response(),
    }
}
