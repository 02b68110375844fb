// Activity dashboard: the filtered operations log with details, 30-day figures and two small SVG bar charts.
(() => {
  const lp = window.leadport;
  const base = "/api/leads/import-export/activity";
  const form = document.getElementById("activity-filters");
  const tbody = document.querySelector("#activity-table tbody");
  const count = document.getElementById("activity-count");
  const error = document.getElementById("activity-error");
  const detail = document.getElementById("activity-detail");
  const PAGE_SIZE = 25;
  let page = 0;
  let latest = 0; // only the newest search may fill the table

  const words = (s) => String(s || "").replaceAll("_", " ");
  const when = (t) => (t ? new Date(t).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "");
  const safeHref = (href) => (typeof href === "string" && href.startsWith("/") && !href.startsWith("//") ? href : null);

  function badge(status) {
    return lp.el("span", { class: "badge-status badge-" + String(status).toLowerCase(), text: words(status) });
  }

  function subject(entry) {
    const p = entry.parameters || {};
    if (p.fileName) return p.fileName;
    const filter = p.filter && typeof p.filter === "object" ? p.filter : null;
    if (filter) {
      const parts = Object.entries(filter).filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && !v.length));
      return parts.length ? parts.map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`).join("; ") : "all leads";
    }
    if (p.ids) return `${Array.isArray(p.ids) ? p.ids.length : p.ids} chosen leads`;
    if (p.username) return p.username;
    return "";
  }

  /** What each kind of operation does to a lead, in its own words: a bulk delete deletes, an undo puts back. */
  const VERBS = {
    IMPORT: { created: "created", updated: "updated", skipped: "skipped", failed: "failed" },
    VALIDATION: { created: "would be created", updated: "would be updated", skipped: "would be skipped", failed: "would fail" },
    IMPORT_UNDO: { created: "deleted", updated: "put back", skipped: "kept (changed since)", failed: "failed" },
    EXPORT: { updated: "exported", created: "exported", skipped: "skipped", failed: "failed" },
    SCHEDULED_EXPORT: { updated: "exported", created: "exported", skipped: "skipped", failed: "failed" },
    BULK_UPDATE: { updated: "updated", created: "updated", skipped: "unchanged", failed: "failed" },
    BULK_ASSIGN: { updated: "assigned", created: "assigned", skipped: "unchanged", failed: "failed" },
    BULK_DELETE: { updated: "deleted", created: "deleted", skipped: "unchanged", failed: "failed" },
    BULK_RESTORE: { updated: "restored", created: "restored", skipped: "unchanged", failed: "failed" },
    BULK_UNDO: { updated: "put back", created: "put back", skipped: "kept (changed since)", failed: "failed" },
  };
  const UNITS = { IMPORT: "rows", VALIDATION: "rows", EXPORT: "leads", SCHEDULED_EXPORT: "leads" };

  function rows(entry) {
    const c = entry.counts;
    if (!c) return "";
    const verbs = VERBS[entry.type] || VERBS.IMPORT;
    const parts = [];
    if (c.created) parts.push(`${lp.number(c.created)} ${verbs.created}`);
    if (c.updated) parts.push(`${lp.number(c.updated)} ${verbs.updated}`);
    if (c.skipped) parts.push(`${lp.number(c.skipped)} ${verbs.skipped}`);
    if (c.failed) parts.push(`${lp.number(c.failed)} ${verbs.failed}`);
    const total = c.total || c.processed;
    const unit = UNITS[entry.type] || "leads";
    return (total ? `${lp.number(total)} ${total === 1 ? unit.slice(0, -1) : unit}` : "") + (parts.length ? ": " + parts.join(", ") : "");
  }

  /** A type as people say it; a validation is a dry run that writes nothing. */
  const typeName = (type) => (type === "VALIDATION" ? "Dry run (validation)" : words(type));

  /** Bytes as KB or MB (1 KB = 1,024 bytes), the way file managers show them. */
  function size(bytes) {
    const n = Number(bytes);
    if (!Number.isFinite(n)) return String(bytes);
    if (n < 1024) return `${lp.number(n)} bytes`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
    return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  }

  /** A file column to lead field mapping as a two-column table. */
  function mappingTable(mapping) {
    const entries = Array.isArray(mapping)
      ? mapping.map((m) => [m.header ?? m.column ?? "", m.target ?? ""])
      : Object.entries(mapping);
    return lp.el("table", { class: "mapping-table" },
      lp.el("caption", { class: "visually-hidden", text: "Column mapping" }),
      lp.el("thead", {}, lp.el("tr", {}, ["File column", "Lead field"].map((h) => lp.el("th", { scope: "col", text: h })))),
      lp.el("tbody", {}, entries.map(([column, target]) => lp.el("tr", {},
        lp.el("td", { text: String(column) }),
        lp.el("td", { text: target === null || target === "" ? "(not imported)" : typeof target === "object" ? JSON.stringify(target) : String(target) })))));
  }

  function query() {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) params.append(k, v);
    return params;
  }

  async function load() {
    const params = query();
    history.replaceState(null, "", "/activity" + (params.toString() ? "?" + params : ""));
    document.getElementById("activity-export").href = `${base}/export?format=csv${params.toString() ? "&" + params : ""}`;
    params.set("page", page);
    params.set("size", PAGE_SIZE);
    count.textContent = "Loading…";
    const ticket = ++latest;
    const result = await lp.api("GET", `${base}?${params}`);
    if (ticket !== latest) return;
    if (!result.ok) {
      count.textContent = "";
      lp.say(error, result.status === 404 ? "The activity log is not available on this server." : lp.problemMessage(result), "error");
      tbody.replaceChildren();
      return;
    }
    lp.say(error, "");
    const d = result.data;
    count.textContent = `${lp.number(d.total)} ${d.total === 1 ? "entry" : "entries"} match.`;
    tbody.replaceChildren(...(d.items.length ? d.items.map((e) => lp.el("tr", {},
      lp.el("td", {}, lp.el("time", { datetime: e.recordedAt, text: when(e.recordedAt) })),
      lp.el("td", { text: typeName(e.type) }),
      lp.el("td", { text: e.actorUsername || "" }),
      lp.el("td", { class: "wrap", text: subject(e) }),
      lp.el("td", {}, badge(e.status)),
      lp.el("td", { text: rows(e) }),
      lp.el("td", { text: e.durationMillis == null ? "" : lp.duration(e.durationMillis) }),
      lp.el("td", {}, lp.el("button", { type: "button", class: "show-detail", "data-id": e.id,
        "aria-label": `Details of ${typeName(e.type)} ${subject(e)} at ${when(e.recordedAt)}`.trim(), text: "Details" })))) :
      [lp.el("tr", {}, lp.el("td", { colspan: 8, text: "No activity matches these filters." }))]));
    const pages = Math.max(1, Math.ceil(d.total / PAGE_SIZE));
    document.getElementById("activity-page").textContent = `Page ${page + 1} of ${pages}`;
    document.getElementById("activity-prev").disabled = page === 0;
    document.getElementById("activity-next").disabled = page + 1 >= pages;
  }

  const LINK_NAMES = {
    errors: "Download the rows with errors (CSV)", success: "Download the rows that landed, with their lead ids (CSV)", results: "Download the per-lead results (CSV)",
    download: "Download the file", file: "Download the file", self: "The record in the API (JSON)", details: "Open the operation's page",
  };

  async function showDetail(id) {
    const result = await lp.api("GET", `${base}/${id}`);
    if (!result.ok) {
      lp.say(error, lp.problemMessage(result, "The details could not be loaded."), "error");
      return;
    }
    const d = result.data;
    const facts = lp.el("dl", { class: "facts" });
    const fact = (k, v) => v !== null && v !== undefined && v !== "" && facts.append(lp.el("dt", { text: k }), lp.el("dd", {}, v));
    fact("Type", typeName(d.type));
    fact("Status", badge(d.status));
    fact("User", d.actorUsername || d.actor || "");
    fact("Duration", d.durationMillis == null ? null : lp.duration(d.durationMillis));
    fact("Speed", d.rowsPerSecond ? `${lp.number(Math.round(d.rowsPerSecond))} rows/s` : null);
    const verbs = VERBS[d.type] || {};
    for (const [k, v] of Object.entries(d.counts || {})) {
      const label = verbs[k] && verbs[k] !== k ? `${words(k)} (${verbs[k]})` : words(k);
      fact(label.replace(/^./, (c) => c.toUpperCase()), lp.number(v));
    }
    let mapping = null;
    for (const [k, v] of Object.entries(d.parameters || {})) {
      if (v === null || v === "") continue;
      if (k === "mapping" && typeof v === "object") { mapping = v; continue; }
      const label = k.replace(/([A-Z])/g, " $1").replaceAll("_", " ").toLowerCase().replace(/^./, (c) => c.toUpperCase());
      if (/(size|bytes)$/i.test(k) && typeof v === "number") fact(label, size(v));
      else fact(label, typeof v === "object" ? (Array.isArray(v) ? v.join(", ") : Object.entries(v).map(([a, b]) => `${a}: ${b}`).join("; ")) : String(v));
    }
    const links = lp.el("ul", {});
    for (const [name, href] of Object.entries(d.links || {})) {
      if (name === "undo" || !safeHref(href)) continue; // undo is a POST; it lives on the operation's own page
      if (name === "details" && d.type === "IMPORT") continue; // the import's own link below says what it opens
      links.append(lp.el("li", {}, lp.el("a", { href: safeHref(href), text: LINK_NAMES[name] || words(name) })));
    }
    if (d.type === "IMPORT" && d.operationId) {
      links.append(lp.el("li", {}, lp.el("a", { href: "/import?job=" + encodeURIComponent(d.operationId), text: "Open the import (result, error file, undo)" })));
    }
    const timeline = lp.el("table", {},
      lp.el("caption", { text: "Log entries of this operation" }),
      lp.el("thead", {}, lp.el("tr", {}, ["When", "Status", "Rows"].map((h) => lp.el("th", { scope: "col", text: h })))),
      lp.el("tbody", {}, (d.entries || []).map((e) => lp.el("tr", {},
        lp.el("td", { text: when(e.recordedAt) }), lp.el("td", {}, badge(e.status)), lp.el("td", { text: rows(e) })))));
    document.getElementById("detail-body").replaceChildren(...[
      facts,
      mapping ? lp.el("div", { class: "table-wrap" }, lp.el("h3", { text: "Column mapping" }), mappingTable(mapping)) : null,
      d.errorSummary ? lp.el("div", {}, lp.el("h3", { text: "Errors" }), lp.el("p", { class: "error-log", text: d.errorSummary })) : null,
      links.children.length ? lp.el("div", {}, lp.el("h3", { text: "Files and links" }), links) : null,
      lp.el("div", { class: "table-wrap" }, timeline)].filter(Boolean));
    detail.hidden = false;
    document.getElementById("detail-heading").textContent = `${typeName(d.type)} ${subject(d) ? "· " + subject(d) : ""}`;
    document.getElementById("detail-heading").focus();
  }

  tbody.addEventListener("click", (e) => {
    const button = e.target.closest(".show-detail");
    if (button) showDetail(button.dataset.id);
  });
  document.getElementById("detail-close").addEventListener("click", () => { detail.hidden = true; count.focus(); });
  form.addEventListener("submit", (e) => { e.preventDefault(); page = 0; load(); });
  form.addEventListener("change", () => { page = 0; load(); });
  form.addEventListener("reset", () => setTimeout(() => { page = 0; load(); }));
  document.getElementById("activity-prev").addEventListener("click", () => { page--; load(); });
  document.getElementById("activity-next").addEventListener("click", () => { page++; load(); });

  // ---- charts -----------------------------------------------------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A bar chart of one value per day; the caption names it and the table under the charts holds the numbers. */
  function barChart(container, days, value, format, captionId) {
    // A narrow screen gets a narrower drawing, so its labels stay as large as the page's text.
    const narrow = container.clientWidth > 0 && container.clientWidth < 480;
    const width = narrow ? 340 : 600, height = narrow ? 220 : 200, left = narrow ? 64 : 72, bottom = 26, top = 14;
    const fontSize = narrow ? 13 : 12;
    const max = Math.max(...days.map(value), 0);
    const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-labelledby": captionId });
    const peak = days.reduce((a, d) => (value(d) > value(a) ? d : a), days[0]);
    chart.append(svg("desc", {}, max ? `Highest on ${peak.day}: ${format(value(peak))}.` : "Nothing in this period."));
    chart.append(svg("line", { x1: left, y1: height - bottom, x2: width, y2: height - bottom, stroke: "#57606a" }));
    chart.append(svg("text", { x: left - 6, y: top + 4, "text-anchor": "end", "font-size": fontSize, fill: "#1b1f24" }, short(format, max)));
    chart.append(svg("text", { x: left - 6, y: height - bottom, "text-anchor": "end", "font-size": fontSize, fill: "#1b1f24" }, short(format, 0)));
    const slot = (width - left) / days.length;
    days.forEach((d, i) => {
      const h = max ? ((height - bottom - top) * value(d)) / max : 0;
      const bar = svg("rect", { x: left + i * slot + 1, y: height - bottom - h, width: Math.max(1, slot - 2), height: h, fill: "#0a58ca" });
      bar.append(svg("title", {}, `${d.day}: ${format(value(d))}`));
      chart.append(bar);
      const every = narrow ? 10 : 7;
      if (i % every === 0 || (i === days.length - 1 && i % every > every / 2)) {
        const anchor = i === 0 ? "start" : i === days.length - 1 ? "end" : "middle";
        const x = i === 0 ? left : i === days.length - 1 ? width : left + i * slot + slot / 2;
        chart.append(svg("text", { x, y: height - 6, "text-anchor": anchor, "font-size": fontSize, fill: "#1b1f24" }, d.day.slice(5)));
      }
    });
    container.replaceChildren(chart);
  }

  /** An axis label short enough to fit left of the chart: 2,811,176 reads "2.8M". */
  function short(format, value) {
    if (typeof value === "number" && format === lp.number && Math.abs(value) >= 10000) {
      return Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : `${Math.round(value / 1000)}k`;
    }
    return format(value);
  }

  async function loadCharts() {
    const to = new Date();
    const from = new Date(to.getTime() - 29 * 86400000);
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const [metrics, log] = await Promise.all([
      lp.api("GET", `${base}/metrics?from=${iso(from)}&to=${iso(to)}`),
      lp.api("GET", `${base}?from=${iso(from)}&to=${iso(to)}&size=200`),
    ]);
    const tiles = document.getElementById("metric-tiles");
    if (!metrics.ok || !log.ok) {
      tiles.replaceChildren(lp.el("li", { text: "The figures are not available." }));
      return;
    }
    const o = metrics.data.overall || {};
    const tile = (v, label) => lp.el("li", {}, lp.el("strong", { text: v }), label);
    tiles.replaceChildren(
      tile(lp.number(o.operations), "operations"), tile(lp.number(o.rowsProcessed), "rows processed"),
      tile(o.throughputMedianRowsPerSecond == null ? "–" : lp.number(Math.round(o.throughputMedianRowsPerSecond)), "rows/s (median)"),
      tile(o.throughputP95RowsPerSecond == null ? "–" : lp.number(Math.round(o.throughputP95RowsPerSecond)), "rows/s (95th percentile)"),
      tile(`${((o.errorRate || 0) * 100).toFixed(1)} %`, "operations with errors"),
      tile(lp.number(metrics.data.dryRuns || 0), "dry runs (validations, not counted above)"));
    const days = [];
    for (let i = 0; i < 30; i++) days.push({ day: iso(new Date(from.getTime() + i * 86400000)), operations: 0, rows: 0, failed: 0 });
    const byDay = new Map(days.map((d) => [d.day, d]));
    for (const e of log.data.items) {
      if (e.category && e.category !== "OPERATION") continue;
      if (!e.finishedAt || !e.counts || e.type === "VALIDATION") continue;
      const d = byDay.get(iso(new Date(e.finishedAt)));
      if (!d) continue;
      d.operations++;
      d.rows += e.counts.processed || e.counts.total || 0;
      d.failed += e.counts.failed || 0;
    }
    const share = (d) => (d.rows ? d.failed / d.rows : 0);
    barChart(document.getElementById("throughput-chart"), days, (d) => d.rows, lp.number, "throughput-caption");
    barChart(document.getElementById("error-chart"), days, share, (v) => `${(v * 100).toFixed(1)} %`, "errors-caption");
    document.querySelector("#chart-table tbody").replaceChildren(...days.filter((d) => d.operations).map((d) => lp.el("tr", {},
      lp.el("td", { text: d.day }), lp.el("td", { text: d.operations }), lp.el("td", { text: lp.number(d.rows) }),
      lp.el("td", { text: lp.number(d.failed) }), lp.el("td", { text: `${(share(d) * 100).toFixed(1)} %` }))));
  }

  const initial = new URLSearchParams(location.search);
  for (const [k, v] of initial) if (form.elements[k]) form.elements[k].value = v;
  load();
  loadCharts();
})();
