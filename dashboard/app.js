// sitrep dashboard: map, timeline, table, event detail with highlighted evidence,
// and a paste box. Plain JS, no dependencies, no network beyond this server's /api.
"use strict";

const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
const OTHER_COLOUR = "#7f7f7f";
const MAX_EVENTS = 5000;
const TABLE_ROWS = 300;

const $ = (selector) => document.querySelector(selector);
const state = { events: [], stats: null, selected: null, basemap: null, view: null };

function colour(event) {
  return TYPE_COLOURS[event.acled?.event_type] ?? OTHER_COLOUR;
}

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function actorName(actor) {
  return actor ? (actor.name || actor.text) : "";
}

function countText(count) {
  if (!count) return "not reported";
  if (count.min != null && count.max === count.min) return String(count.min);
  if (count.min != null && count.max == null) return `${count.min}+`;
  return `${count.min ?? "?"}–${count.max ?? "?"}`;
}

function placeName(event) {
  const l = event.location;
  if (!l) return "";
  return [l.name || l.text, l.admin1, l.country].filter(Boolean).join(", ");
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body;
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($("#filters"))) {
    if (String(value).trim()) params.set(name, String(value).trim());
  }
  return params;
}

// ---------- loading ----------

async function load() {
  const params = filterParams();
  $("#summary").textContent = "Loading…";
  try {
    const stats = await api(`/api/stats?${params}`);
    const events = [];
    let cursor = null;
    do {
      const page = new URLSearchParams(params);
      page.set("limit", "1000");
      if (cursor) page.set("cursor", cursor);
      const body = await api(`/api/events?${page}`);
      events.push(...body.events);
      cursor = body.next;
    } while (cursor && events.length < MAX_EVENTS);
    state.stats = stats;
    state.events = events;
    renderSummary();
    fillTypes(stats);
    renderTable();
    fitMap();
    drawMap();
    drawTimeline();
  } catch (error) {
    $("#summary").innerHTML = `<span class="error">${escapeHtml(error.message)}</span>`;
  }
}

function renderSummary() {
  const s = state.stats;
  const range = s.first_date ? ` · ${s.first_date} to ${s.last_date}` : "";
  $("#summary").textContent =
    `${s.incidents} events from ${s.sources} reports (${s.documents} articles in store) · ${s.fatalities} killed${range}`;
}

function fillTypes(stats) {
  const select = $("#filters select[name=event_type]");
  const known = new Set([...select.options].map((o) => o.value));
  const types = [...Object.keys(TYPE_COLOURS), ...stats.by_event_type.map((b) => b.key).filter(Boolean)];
  for (const type of types) {
    if (known.has(type)) continue;
    known.add(type);
    select.add(new Option(type, type));
  }
}

// ---------- table ----------

function renderTable() {
  const body = $("#events tbody");
  body.replaceChildren();
  for (const event of state.events.slice(0, TABLE_ROWS)) {
    const row = document.createElement("tr");
    row.dataset.id = event.id;
    if (state.selected === event.id) row.className = "selected";
    row.innerHTML = `<td>${escapeHtml(event.date?.value ?? "")}</td>
      <td><span class="dot" style="background:${colour(event)}"></span>${escapeHtml(event.acled?.sub_event_type ?? event.plover?.type ?? "")}</td>
      <td>${escapeHtml(placeName(event))}</td>
      <td>${escapeHtml([actorName(event.actor1), actorName(event.actor2)].filter(Boolean).join(" vs "))}</td>
      <td>${event.fatalities ?? 0}</td>
      <td>${event.source_count ?? 1}</td>`;
    row.addEventListener("click", () => select(event.id));
    body.append(row);
  }
  const shown = Math.min(state.events.length, TABLE_ROWS);
  $("#table-note").textContent = state.events.length
    ? `${shown} of ${state.stats.incidents} events listed (most recent first).`
    : "No events match. Ingest articles with `sitrep ingest`, paste one on the left, or loosen the filters.";
}

// ---------- map ----------

function mapCanvas() {
  const canvas = $("#map");
  const ratio = window.devicePixelRatio || 1;
  const { width, height } = canvas.getBoundingClientRect();
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { context, width, height };
}

// Equirectangular projection; the view is a centre (lon, lat) and pixels per degree.
function project(lon, lat) {
  const { cx, cy, k, width, height } = state.view;
  return [width / 2 + (lon - cx) * k, height / 2 - (lat - cy) * k];
}

function unproject(x, y) {
  const { cx, cy, k, width, height } = state.view;
  return [cx + (x - width / 2) / k, cy - (y - height / 2) / k];
}

function fitMap() {
  const { width, height } = mapCanvas();
  const points = state.events.map((e) => e.location).filter((l) => l && l.lat != null && l.lon != null);
  let [minLon, maxLon, minLat, maxLat] = [-170, 170, -60, 80];
  if (points.length) {
    minLon = Math.min(...points.map((p) => p.lon)); maxLon = Math.max(...points.map((p) => p.lon));
    minLat = Math.min(...points.map((p) => p.lat)); maxLat = Math.max(...points.map((p) => p.lat));
    const pad = Math.max(2, (maxLon - minLon) * 0.15, (maxLat - minLat) * 0.15);
    minLon -= pad; maxLon += pad; minLat -= pad; maxLat += pad;
  }
  const k = Math.min(width / (maxLon - minLon), height / (maxLat - minLat));
  state.view = { cx: (minLon + maxLon) / 2, cy: (minLat + maxLat) / 2, k, width, height };
}

function drawMap() {
  if (!state.view) return;
  const { context, width, height } = mapCanvas();
  state.view.width = width;
  state.view.height = height;
  context.fillStyle = "#dbe7f0";
  context.fillRect(0, 0, width, height);
  if (state.basemap) {
    context.fillStyle = "#f3f1ea";
    context.strokeStyle = "#b9b4a6";
    context.lineWidth = 0.6;
    const scale = state.basemap.scale;
    for (const country of state.basemap.countries) {
      context.beginPath();
      for (const ring of country.rings) {
        let x = 0, y = 0;
        for (let i = 0; i < ring.length; i += 2) {
          x += ring[i]; y += ring[i + 1];
          const [px, py] = project(x / scale, y / scale);
          if (i === 0) context.moveTo(px, py); else context.lineTo(px, py);
        }
        context.closePath();
      }
      context.fill("evenodd");
      context.stroke();
    }
  }
  // Largest first so small events stay clickable on top.
  const drawn = state.events
    .filter((e) => e.location?.lat != null && e.location?.lon != null)
    .sort((a, b) => (b.fatalities ?? 0) - (a.fatalities ?? 0));
  for (const event of drawn) {
    const [x, y] = project(event.location.lon, event.location.lat);
    if (x < -20 || y < -20 || x > width + 20 || y > height + 20) continue;
    const r = radius(event);
    context.beginPath();
    context.arc(x, y, r, 0, 2 * Math.PI);
    context.fillStyle = colour(event) + "bb";
    context.fill();
    context.lineWidth = event.id === state.selected ? 3 : 1;
    context.strokeStyle = event.id === state.selected ? "#000" : "#fff";
    context.stroke();
  }
}

function radius(event) {
  return Math.min(22, 4 + 2.2 * Math.sqrt(event.fatalities ?? 0));
}

function eventAt(x, y) {
  let best = null, bestDistance = Infinity;
  for (const event of state.events) {
    if (event.location?.lat == null || event.location?.lon == null) continue;
    const [px, py] = project(event.location.lon, event.location.lat);
    const distance = Math.hypot(px - x, py - y);
    if (distance <= radius(event) + 3 && distance < bestDistance) {
      best = event; bestDistance = distance;
    }
  }
  return best;
}

function setUpMap() {
  const canvas = $("#map");
  let drag = null;
  canvas.addEventListener("mousedown", (e) => { drag = { x: e.offsetX, y: e.offsetY, moved: false }; });
  window.addEventListener("mouseup", () => { setTimeout(() => { drag = null; }, 0); });
  canvas.addEventListener("mousemove", (e) => {
    if (drag && e.buttons === 1 && state.view) {
      const dx = e.offsetX - drag.x, dy = e.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      state.view.cx -= dx / state.view.k;
      state.view.cy += dy / state.view.k;
      drag.x = e.offsetX; drag.y = e.offsetY;
      drawMap();
      return;
    }
    const event = state.view && eventAt(e.offsetX, e.offsetY);
    const tooltip = $("#tooltip");
    tooltip.hidden = !event;
    canvas.style.cursor = event ? "pointer" : "grab";
    if (event) {
      tooltip.style.left = `${e.offsetX + 12}px`;
      tooltip.style.top = `${e.offsetY + 12}px`;
      tooltip.textContent = `${event.date?.value ?? ""} · ${event.acled?.sub_event_type ?? ""} · ${placeName(event)} · ${event.fatalities ?? 0} killed`;
    }
  });
  canvas.addEventListener("mouseleave", () => { $("#tooltip").hidden = true; });
  canvas.addEventListener("click", (e) => {
    $("#tooltip").hidden = true;
    if (drag?.moved) return;
    const event = eventAt(e.offsetX, e.offsetY);
    if (event) select(event.id);
  });
  canvas.addEventListener("wheel", (e) => {
    if (!state.view) return;
    e.preventDefault();
    const [lon, lat] = unproject(e.offsetX, e.offsetY);
    const factor = e.deltaY < 0 ? 1.25 : 0.8;
    state.view.k = Math.min(2000, Math.max(0.5, state.view.k * factor));
    const [lon2, lat2] = unproject(e.offsetX, e.offsetY);
    state.view.cx += lon - lon2;
    state.view.cy += lat - lat2;
    drawMap();
  }, { passive: false });
  window.addEventListener("resize", () => { drawMap(); drawTimeline(); });
  const legend = Object.entries(TYPE_COLOURS)
    .map(([type, c]) => `<div><span style="background:${c}"></span>${escapeHtml(type)}</div>`).join("");
  $("#legend").innerHTML = legend + "<div>size: killed</div>";
}

// ---------- timeline ----------

const DAY = 86400000;

function timelineGeometry(width) {
  const days = state.stats?.by_day ?? [];
  if (!days.length) return null;
  const first = Date.parse(days[0].date), last = Date.parse(days[days.length - 1].date);
  const span = Math.max(1, (last - first) / DAY + 1);
  const left = 40, right = width - 10;
  return { days, first, span, left, right, step: (right - left) / span };
}

function drawTimeline() {
  const canvas = $("#timeline");
  const ratio = window.devicePixelRatio || 1;
  const { width, height } = canvas.getBoundingClientRect();
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  const g = timelineGeometry(width);
  context.fillStyle = "#666";
  context.font = "11px system-ui, sans-serif";
  if (!g) {
    context.fillText("No dated events", 10, height / 2);
    return;
  }
  const max = Math.max(...g.days.map((d) => d.incidents));
  const bottom = height - 16;
  context.fillStyle = "#2f6ea5";
  for (const day of g.days) {
    const x = g.left + ((Date.parse(day.date) - g.first) / DAY) * g.step;
    const h = (day.incidents / max) * (bottom - 8);
    context.fillRect(x, bottom - h, Math.max(1, g.step - 1), h);
  }
  context.fillStyle = "#444";
  context.fillText(String(max), 4, 14);
  context.fillText(g.days[0].date, g.left, height - 3);
  const lastLabel = g.days[g.days.length - 1].date;
  context.fillText(lastLabel, g.right - context.measureText(lastLabel).width, height - 3);
  if (state.brush) {
    context.fillStyle = "rgba(255, 200, 0, 0.3)";
    const [a, b] = [Math.min(state.brush.a, state.brush.b), Math.max(state.brush.a, state.brush.b)];
    context.fillRect(a, 0, Math.max(2, b - a), bottom);
  }
}

function dateAt(x) {
  const g = timelineGeometry($("#timeline").getBoundingClientRect().width);
  if (!g) return null;
  const day = Math.floor((Math.min(Math.max(x, g.left), g.right - 0.01) - g.left) / g.step);
  return new Date(g.first + day * DAY).toISOString().slice(0, 10);
}

function setUpTimeline() {
  const canvas = $("#timeline");
  canvas.addEventListener("mousedown", (e) => { state.brush = { a: e.offsetX, b: e.offsetX, active: true }; drawTimeline(); });
  canvas.addEventListener("mousemove", (e) => {
    if (state.brush?.active) { state.brush.b = e.offsetX; drawTimeline(); }
  });
  window.addEventListener("mouseup", () => {
    if (!state.brush?.active) return;
    state.brush.active = false;
    const from = dateAt(Math.min(state.brush.a, state.brush.b));
    const to = dateAt(Math.max(state.brush.a, state.brush.b));
    state.brush = null;
    if (!from) return;
    $("#filters [name=from]").value = from;
    $("#filters [name=to]").value = to;
    load();
  });
  canvas.addEventListener("dblclick", () => {
    $("#filters [name=from]").value = "";
    $("#filters [name=to]").value = "";
    load();
  });
}

// ---------- detail ----------

// Offsets are Unicode code points (the record contract), so slice code points, not UTF-16 units.
function highlighted(text, spans) {
  const chars = Array.from(text ?? "");
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let html = "", at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    html += escapeHtml(chars.slice(at, span.start).join(""));
    html += `<mark data-testid="evidence-mark">${escapeHtml(chars.slice(span.start, span.end).join(""))}</mark>`;
    at = span.end;
  }
  return html + escapeHtml(chars.slice(at).join(""));
}

async function select(id) {
  state.selected = id;
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.id === id);
  }
  drawMap();
  const panel = $("#detail");
  panel.hidden = false;
  const body = $("#detail-body");
  body.textContent = "Loading…";
  try {
    const event = await api(`/api/events/${encodeURIComponent(id)}`);
    body.innerHTML = eventHtml(event) + `<h3>Sources (${event.sources.length})</h3>` +
      event.sources.map((source, index) => `<div class="source" data-testid="source">
        <div><strong>${escapeHtml(source.title || source.event.doc_id)}</strong>
        ${source.source ? `· ${escapeHtml(source.source)}` : ""} ${source.published ? `· ${escapeHtml(source.published)}` : ""}</div>
        <div>killed: ${countText(source.event.killed)} · injured: ${countText(source.event.injured)}
        ${source.event.attribution ? `· said by ${escapeHtml(source.event.attribution)}` : ""}</div>
        <div class="evidence">“${escapeHtml(source.event.evidence.sentence)}”</div>
        <button type="button" data-source="${index}">Show in article</button></div>`).join("") +
      `<h3>Article</h3><div class="article" id="article" data-testid="article"></div>`;
    const show = async (index) => {
      const source = event.sources[index];
      const article = $("#article");
      try {
        const doc = await api(`/api/documents/${encodeURIComponent(source.event.doc_id)}`);
        article.innerHTML = doc.text
          ? highlighted(doc.text, [source.event.evidence])
          : `<mark data-testid="evidence-mark">${escapeHtml(source.event.evidence.sentence)}</mark> <em>(article text not stored)</em>`;
        article.querySelector("mark")?.scrollIntoView({ block: "center" });
      } catch (error) {
        article.innerHTML = `<span class="error">${escapeHtml(error.message)}</span>`;
      }
    };
    for (const button of body.querySelectorAll("button[data-source]")) {
      button.addEventListener("click", () => show(Number(button.dataset.source)));
    }
    await show(0);
  } catch (error) {
    body.innerHTML = `<span class="error">${escapeHtml(error.message)}</span>`;
  }
}

function eventHtml(event) {
  const row = (name, value) => value ? `<dt>${name}</dt><dd>${value}</dd>` : "";
  const actor = (a) => a ? escapeHtml(a.name ? `${a.name} (“${a.text}”)` : a.text) : "";
  return `<h2><span class="dot" style="background:${colour(event)}"></span>${escapeHtml(event.acled?.sub_event_type ?? event.plover?.type ?? "Event")}</h2><dl>
    ${row("Type", escapeHtml(event.acled?.event_type ?? ""))}
    ${row("Date", escapeHtml([event.date?.value, event.date?.text && `“${event.date.text}”`].filter(Boolean).join(" ")))}
    ${row("Place", escapeHtml(placeName(event)))}
    ${row("Actor 1", actor(event.actor1))}
    ${row("Actor 2", actor(event.actor2))}
    ${row("Killed", `${countText(event.killed)} (ACLED: ${event.fatalities ?? 0}, the lowest report)`)}
    ${row("Injured", countText(event.injured))}
    ${row("PLOVER / CAMEO", escapeHtml([event.plover?.type, event.plover?.mode, event.cameo].filter(Boolean).join(" · ")))}
    ${row("Confidence", event.confidence != null ? Number(event.confidence).toFixed(2) : "")}
  </dl>`;
}

// ---------- paste box ----------

async function paste() {
  const text = $("#paste-text").value;
  const result = $("#paste-result");
  if (!text.trim()) {
    result.innerHTML = `<span class="error">Paste an article first.</span>`;
    return;
  }
  const store = $("#paste-store").checked;
  const published = $("#paste-published").value;
  result.textContent = "Extracting…";
  try {
    const body = { text, title: "Pasted article" };
    if (published) body.published = published;
    const answer = await api(`/api/documents?store=${store}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const doc = answer.documents[0];
    const events = doc.events;
    result.innerHTML = `<p data-testid="paste-count">${events.length} event${events.length === 1 ? "" : "s"}, ${doc.figures.length} figure${doc.figures.length === 1 ? "" : "s"} found${doc.status ? ` (${doc.status})` : ""}.</p>` +
      events.map((e) => `<div class="event-card"><strong>${escapeHtml(e.acled?.sub_event_type ?? e.plover?.type ?? "event")}</strong>
        ${escapeHtml(e.date?.value ?? "")} ${escapeHtml(placeName(e))} · killed ${countText(e.killed)}</div>`).join("") +
      `<div class="article">${highlighted(text, events.map((e) => e.evidence))}</div>`;
    if (store) await load();
  } catch (error) {
    result.innerHTML = `<span class="error">${escapeHtml(error.message)}</span>`;
  }
}

// ---------- start ----------

async function start() {
  setUpMap();
  setUpTimeline();
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  $("#reset-filters").addEventListener("click", () => { $("#filters").reset(); load(); });
  $("#detail-close").addEventListener("click", () => { $("#detail").hidden = true; state.selected = null; drawMap(); });
  $("#paste-go").addEventListener("click", paste);
  fetch("/assets/basemap.json")
    .then((r) => r.json())
    .then((basemap) => { state.basemap = basemap; drawMap(); })
    .catch(() => {});
  await load();
  document.body.dataset.ready = "true";
}

start();
