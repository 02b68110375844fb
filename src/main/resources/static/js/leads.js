// Leads list: row selection (ids across pages, or "all N matching" the filter) and the bulk action bar with a
// dry-run confirmation and per-lead results.
(() => {
  const lp = window.leadport;
  const bar = document.getElementById("bulk-bar");
  if (!bar) return;
  const summary = document.getElementById("selection-summary");
  const offer = document.getElementById("select-all-offer");
  const offerButton = document.getElementById("select-all-matching");
  const action = document.getElementById("bulk-action");
  const statusField = document.getElementById("bulk-status-field");
  const ownerField = document.getElementById("bulk-owner-field");
  const dialog = document.getElementById("bulk-dialog");
  const dialogBody = document.getElementById("bulk-dialog-body");
  const dialogError = document.getElementById("bulk-dialog-error");
  const confirmButton = document.getElementById("bulk-confirm");
  const closeButton = document.getElementById("bulk-close");
  const csvButton = document.getElementById("bulk-results-csv");
  const undoButton = document.getElementById("bulk-undo");

  const selected = new Map(); // id -> label
  let allMatching = false;
  let shownQuery = results().dataset.query;
  let pending = null; // the request the dialog is confirming
  let lastResults = [];

  function results() {
    return document.getElementById("results");
  }

  function total() {
    return Number(results().dataset.total || 0);
  }

  /** "27", or when the list did not count every match, "about 510,000" or "more than 10,000"; see totalExact(). */
  function totalText() {
    return results().dataset.totalText || lp.number(total());
  }

  function totalExact() {
    return /^[0-9,]+$/.test(totalText());
  }

  function rowBoxes() {
    return [...results().querySelectorAll("input.select-lead")];
  }

  /** The filter the list shows, in the shape of the leads filter. */
  function currentFilter() {
    const params = new URLSearchParams(results().dataset.query || "");
    const filter = {};
    const statuses = params.getAll("status").filter(Boolean);
    if (statuses.length) filter.status = statuses;
    if (params.get("owner")) filter.owner = params.get("owner");
    for (const key of ["source", "createdFrom", "createdTo", "q"]) {
      if (params.get(key)) filter[key] = params.get(key);
    }
    return filter;
  }

  function labelOf(box) {
    return (box.getAttribute("aria-label") || "").replace(/^Select /, "");
  }

  function syncPage() {
    const boxes = rowBoxes();
    for (const box of boxes) box.checked = allMatching || selected.has(box.value);
    const pageBox = document.getElementById("select-page");
    if (pageBox) {
      const checked = boxes.filter((b) => b.checked).length;
      pageBox.checked = boxes.length > 0 && checked === boxes.length;
      pageBox.indeterminate = checked > 0 && checked < boxes.length;
    }
    render();
  }

  function count() {
    return allMatching ? total() : selected.size;
  }

  /** The selection's size as text: exact, or the list's estimate ("about 510,000") when all matches are selected. */
  function countText() {
    return allMatching ? totalText() : lp.number(selected.size);
  }

  function render() {
    const n = count();
    bar.hidden = n === 0;
    if (allMatching) {
      summary.textContent = totalExact()
        ? `All ${totalText()} leads matching the filters are selected.`
        : `All leads matching the filters are selected (${totalText()}).`;
    } else {
      summary.textContent = `${lp.number(n)} ${n === 1 ? "lead" : "leads"} selected.`;
    }
    const boxes = rowBoxes();
    const wholePage = boxes.length > 0 && boxes.every((b) => b.checked);
    offer.hidden = allMatching || !wholePage || total() <= selected.size;
    offerButton.textContent = totalExact()
      ? `Select all ${totalText()} leads matching the filters`
      : `Select all leads matching the filters (${totalText()})`;
    const act = action.value;
    statusField.hidden = act !== "status";
    ownerField.hidden = act !== "assign";
  }

  function clearSelection() {
    selected.clear();
    allMatching = false;
    syncPage();
  }

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box.matches("input.select-lead")) {
      if (allMatching) {
        // Leaving "all matching" keeps exactly the rows still ticked on this page.
        allMatching = false;
        selected.clear();
        rowBoxes().forEach((b) => b !== box && selected.set(b.value, labelOf(b)));
      } else if (box.checked) {
        selected.set(box.value, labelOf(box));
      } else {
        selected.delete(box.value);
      }
      syncPage();
    } else if (box.id === "select-page") {
      if (!box.checked) allMatching = false;
      for (const b of rowBoxes()) {
        if (box.checked) selected.set(b.value, labelOf(b));
        else selected.delete(b.value);
      }
      syncPage();
    } else if (box === action) {
      render();
    }
  });

  offerButton.addEventListener("click", () => {
    allMatching = true;
    syncPage();
  });
  document.getElementById("bulk-clear").addEventListener("click", clearSelection);

  document.body.addEventListener("htmx:afterSwap", (event) => {
    if (event.detail.target && event.detail.target.id !== "results" && !document.getElementById("results").contains(event.detail.target)) return;
    const query = results().dataset.query;
    if (query !== shownQuery) {
      // Another filter means another set of leads: a selection made for the old one must not carry over.
      shownQuery = query;
      selected.clear();
      allMatching = false;
    }
    syncPage();
  });

  function request() {
    const kind = action.value;
    const body = allMatching ? { filter: currentFilter() } : { ids: [...selected.keys()].map(Number) };
    if (kind === "status") {
      const status = document.getElementById("bulk-status").value;
      return { url: "/api/leads/bulk/update", body: { ...body, changes: { status } }, verb: `Change the status to ${status}` };
    }
    if (kind === "assign") {
      const owner = document.getElementById("bulk-owner");
      return { url: "/api/leads/bulk/assign", body: { ...body, ownerId: Number(owner.value) }, verb: `Assign to ${owner.selectedOptions[0].textContent}` };
    }
    return { url: "/api/leads/bulk/delete", body, verb: "Move to the recycle bin" };
  }

  function humanize(key) {
    return key.replace(/([A-Z])/g, " $1").replace(/_/g, " ").toLowerCase().replace(/^./, (c) => c.toUpperCase());
  }

  function totalsList(totals) {
    const list = lp.el("dl", { class: "facts totals" });
    for (const [key, value] of Object.entries(totals || {})) {
      if (!value && key !== "requested") continue; // only the outcomes that happened
      list.append(lp.el("dt", { text: humanize(key) }), lp.el("dd", { text: lp.number(value) }));
    }
    return list;
  }

  async function send(req, dryRun) {
    const url = dryRun ? req.url + "?dryRun=true" : req.url;
    let result = await lp.api("POST", url, req.body);
    // Large operations run as jobs: follow the job until it has finished.
    const location = result.data && result.data.links ? result.data.links.self : result.headers && result.headers.get("Location");
    while (result.ok && result.data && ["QUEUED", "RUNNING"].includes(result.data.status) && location) {
      dialogBody.replaceChildren(lp.el("p", { role: "status", text: `Working… ${lp.number(result.data.processed || 0)} of ${lp.number(result.data.totals && result.data.totals.requested != null ? result.data.totals.requested : count())} done.` }));
      await new Promise((r) => setTimeout(r, 700));
      result = await lp.api("GET", location);
    }
    return result;
  }

  function failMessage(result) {
    if (result.status === 404 || result.status === 405) {
      return "Bulk changes are not available on this server.";
    }
    return lp.problemMessage(result, "The change could not be made.");
  }

  document.getElementById("bulk-apply").addEventListener("click", async () => {
    pending = request();
    lastResults = [];
    dialogError.hidden = true;
    csvButton.hidden = true;
    undoButton.hidden = true;
    confirmButton.hidden = false;
    confirmButton.disabled = true;
    confirmButton.textContent = "Apply";
    closeButton.textContent = "Cancel";
    document.getElementById("bulk-dialog-title").textContent = "Confirm bulk change";
    dialogBody.replaceChildren(lp.el("p", { text: `Checking what “${pending.verb}” would do to ${countText()} leads…` }));
    dialog.showModal();
    const result = await send(pending, true);
    if (!result.ok) {
      dialogBody.replaceChildren();
      lp.say(dialogError, failMessage(result), "error");
      return;
    }
    const totals = result.data.totals || {};
    // The dry run counted the selection exactly, even where the list only estimated it.
    const selectedCount = totals.requested != null ? totals.requested : count();
    dialogBody.replaceChildren(
      lp.el("p", {}, lp.el("strong", { text: pending.verb }), ` — ${lp.number(selectedCount)} ${selectedCount === 1 ? "lead" : "leads"} selected. Nothing has changed yet. This is what would happen:`),
      totalsList(totals)
    );
    confirmButton.textContent = `${pending.verb} now`;
    confirmButton.disabled = false;
    confirmButton.focus();
  });

  confirmButton.addEventListener("click", async () => {
    if (!pending) return;
    confirmButton.disabled = true;
    dialogBody.replaceChildren(lp.el("p", { text: "Applying the change…" }));
    const result = await send(pending, false);
    pending = null;
    confirmButton.hidden = true;
    closeButton.textContent = "Close";
    if (!result.ok) {
      dialogBody.replaceChildren();
      lp.say(dialogError, failMessage(result), "error");
      return;
    }
    document.getElementById("bulk-dialog-title").textContent = "Bulk change finished";
    lastResults = result.data.results || [];
    const names = new Map([...selected.entries()]);
    const table = lp.el("table", { class: "results-table" },
      lp.el("caption", { text: "Result for each lead" }),
      lp.el("thead", {}, lp.el("tr", {}, ["Lead", "Result", "Message"].map((h) => lp.el("th", { scope: "col", text: h })))),
      lp.el("tbody", {}, lastResults.slice(0, 200).map((r) =>
        lp.el("tr", {},
          lp.el("td", { text: names.get(String(r.id)) ? `${names.get(String(r.id))} (#${r.id})` : `#${r.id}` }),
          lp.el("td", {}, lp.el("span", { class: "result result-" + String(r.result).toLowerCase(), text: r.result })),
          lp.el("td", { text: r.message || "" })))));
    dialogBody.replaceChildren(...[
      lp.el("p", { class: "alert alert-ok", role: "status", text: `Done: ${lp.number(result.data.totals ? result.data.totals.requested : lastResults.length)} leads processed (operation ${result.data.operationId ?? ""}).` }),
      totalsList(result.data.totals),
      lp.el("div", { class: "table-wrap" }, table),
      lastResults.length > 200 || result.data.resultsTruncated ? lp.el("p", { text: "Only the first results are shown; download the CSV for all of them." }) : null,
    ].filter(Boolean));
    const links = result.data.links || {};
    csvButton.hidden = lastResults.length === 0 && !links.results;
    csvButton.dataset.href = links.results || "";
    undoButton.hidden = !links.undo;
    undoButton.dataset.href = links.undo || "";
    closeButton.focus();
    selected.clear();
    allMatching = false;
    htmx.ajax("GET", "/leads?" + (results().dataset.query || ""), { target: "#results", swap: "outerHTML" });
  });

  csvButton.addEventListener("click", () => {
    if (csvButton.dataset.href) {
      // The server's file has every result, also those past the ones the answer carries.
      const link = lp.el("a", { href: csvButton.dataset.href, download: "" });
      document.body.append(link);
      link.click();
      link.remove();
      return;
    }
    let text = lp.csvLine(["id", "result", "message"]);
    for (const r of lastResults) text += lp.csvLine([r.id, r.result, r.message || ""]);
    lp.download("bulk-results.csv", text);
  });

  undoButton.addEventListener("click", async () => {
    undoButton.disabled = true;
    const result = await lp.api("POST", undoButton.dataset.href);
    undoButton.disabled = false;
    if (!result.ok) {
      lp.say(dialogError, lp.problemMessage(result, "The change could not be undone."), "error");
      return;
    }
    undoButton.hidden = true;
    const t = result.data.totals || {};
    dialogBody.prepend(lp.el("p", { class: "alert alert-ok", role: "status",
      text: `Undone${result.data.status === "RUNNING" || result.data.status === "QUEUED" ? " (running in the background)" : ""}.` +
        (t.changedSince ? ` ${lp.number(t.changedSince)} leads were changed since and kept as they are.` : "") }));
    htmx.ajax("GET", "/leads?" + (results().dataset.query || ""), { target: "#results", swap: "outerHTML" });
  });

  closeButton.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    pending = null;
    render();
  });

  syncPage();
})();

// The status filter's summary names the ticked statuses, and "Export these leads" always carries the list's filters.
(() => {
  const summary = document.getElementById("status-summary");
  const form = document.getElementById("lead-filters");
  if (!summary || !form) return;
  // The status choice closes like a menu: on a click elsewhere or Escape.
  const statusFilter = document.getElementById("status-filter");
  document.addEventListener("click", (e) => {
    if (statusFilter.open && !statusFilter.contains(e.target)) statusFilter.open = false;
  });
  statusFilter.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && statusFilter.open) {
      statusFilter.open = false;
      statusFilter.querySelector("summary").focus();
    }
  });
  form.addEventListener("change", () => {
    const ticked = [...form.querySelectorAll('input[name="status"]:checked')].map((b) => b.value);
    summary.textContent = ticked.length ? ticked.join(", ") : "Any status";
  });
  document.body.addEventListener("htmx:afterSwap", () => {
    const results = document.getElementById("results");
    const link = document.getElementById("export-link");
    if (!results || !link) return;
    const query = results.dataset.filterQuery || "";
    link.href = "/export" + (query ? "?" + query : "");
    // A header click sorts the list; the filters keep that order when they change next.
    document.getElementById("sort-input").value = results.dataset.sort || "";
    document.getElementById("dir-input").value = results.dataset.dir || "";
  });
})();
