//! sitrep's HTTP API and its offline dashboard, served by one binary.
//!
//! In: a store path, the loaded [`Pipeline`] and the [`IncidentRule`] that
//! merges reports of one incident. Out: an axum server on a loopback or other
//! address with
//! - `GET /api/events` (filters, cursor paging, JSON / CSV / GeoJSON),
//! - `GET /api/events/{id}` (an incident with every source and its evidence),
//! - `GET /api/documents/{id}` (an article with its events, for highlighting),
//! - `POST /api/documents` (extract and store one or many articles),
//! - `GET /api/stats`, `GET /api/openapi.json`,
//! - `/` the dashboard, whose assets are embedded in the binary.
//!
//! Invariants: the only sitrep crate that knows HTTP; handlers hold no state
//! beyond the store connections; every error is a JSON body
//! `{"error": {"status": 400, "message": "..."}}`; request bodies are bounded.

mod api;
mod assets;
mod formats;
mod params;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::serve::ListenerExt;

use sitrep_pipeline::Pipeline;
use sitrep_store::{IncidentRule, Store, StoreError};

pub use formats::{write_csv, write_geojson};

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The database could not be opened.
    #[error("cannot open the store {path}: {source}")]
    Store {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        source: StoreError,
    },
    /// The address could not be bound or the server failed.
    #[error("cannot serve on {addr}: {source} (is another process using the port? try --addr 127.0.0.1:0)")]
    Io {
        /// The address asked for.
        addr: String,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The SQLite database (created if missing).
    pub db: PathBuf,
    /// Address to listen on; port 0 picks a free one.
    pub addr: SocketAddr,
    /// Read connections (one per concurrent query).
    pub readers: usize,
    /// Worker threads of the async runtime.
    pub threads: usize,
    /// Largest accepted request body, in bytes.
    pub max_body: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            db: PathBuf::from("sitrep.db"),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            readers: 4,
            threads: 2,
            max_body: 4 << 20,
        }
    }
}

/// The rule that merges incidents, shareable across threads.
pub type SharedRule = Arc<dyn IncidentRule + Send + Sync>;

/// What every handler reads: store connections, the pipeline and the dedup rule.
pub(crate) struct AppState {
    readers: Vec<Mutex<Store>>,
    next_reader: AtomicUsize,
    writer: Mutex<Store>,
    pipeline: Arc<Pipeline>,
    rule: SharedRule,
    max_body: usize,
}

impl AppState {
    fn open(
        db: &Path,
        readers: usize,
        pipeline: Arc<Pipeline>,
        rule: SharedRule,
        max_body: usize,
    ) -> Result<AppState, StoreError> {
        let writer = Store::open(db)?;
        let readers = (0..readers.max(1))
            .map(|_| Store::open_reader(db).map(Mutex::new))
            .collect::<Result<_, _>>()?;
        Ok(AppState {
            readers,
            next_reader: AtomicUsize::new(0),
            writer: Mutex::new(writer),
            pipeline,
            rule,
            max_body,
        })
    }

    /// A free read connection (or, when all are busy, the next in turn).
    fn reader(&self) -> MutexGuard<'_, Store> {
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        let n = self.readers.len();
        for offset in 0..n {
            if let Ok(guard) = self.readers[(start + offset) % n].try_lock() {
                return guard;
            }
        }
        lock(&self.readers[start % n])
    }

    fn writer(&self) -> MutexGuard<'_, Store> {
        lock(&self.writer)
    }
}

/// Locks a mutex, recovering from a poisoned one (a store connection stays usable).
fn lock(mutex: &Mutex<Store>) -> MutexGuard<'_, Store> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Socket send buffer of accepted connections (they inherit the listener's):
/// a page of 100 events is ~100 KB, more than the kernel's 16 KB default, so
/// without it a page leaves in several writes, each waiting for the client to
/// read and the worker to be woken again.
const SEND_BUFFER: u32 = 512 << 10;

/// Binds the listening socket (address reuse as `TcpListener::bind`, larger send buffer).
fn listen(addr: SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    socket.set_reuseaddr(true)?;
    socket.set_send_buffer_size(SEND_BUFFER)?;
    socket.bind(addr)?;
    socket.listen(1024)
}

/// Opens the store and serves until Ctrl-C; `on_ready` gets the bound address.
pub fn run(
    config: ServerConfig,
    pipeline: Arc<Pipeline>,
    rule: SharedRule,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let state = AppState::open(&config.db, config.readers, pipeline, rule, config.max_body)
        .map_err(|source| ServerError::Store {
            path: config.db.clone(),
            source,
        })?;
    let io_error = |source| ServerError::Io {
        addr: config.addr.to_string(),
        source,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(config.threads.max(1))
        .enable_io()
        .build()
        .map_err(io_error)?;
    runtime.block_on(async {
        let listener = listen(config.addr).map_err(io_error)?;
        on_ready(listener.local_addr().map_err(io_error)?);
        let app = api::router(Arc::new(state));
        // Responses go out as soon as they are written (no Nagle delay on the last segment).
        let listener = listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                // If the signal handler cannot be installed, serve until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await
            .map_err(io_error)
    })
}
