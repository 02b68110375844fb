// Import wizard: upload (drag-and-drop or file button) -> map columns -> review the dry run -> run with live
// progress over Server-Sent Events -> result with the error file and undo. Talks to /api/leads/import-export.
(() => {
  const lp = window.leadport;
  const base = "/api/leads/import-export";
  const main = document.getElementById("main");
  const maxBytes = Number(main.dataset.maxBytes);
  const $ = (id) => document.getElementById(id);
  const wizardError = $("wizard-error");
  const state = { file: null, uploadId: null, check: null, headers: [], changed: false, report: null, mapping: {}, valueMaps: {}, newOptions: {}, job: null, errorPage: 0, source: null };
  const isAdmin = main.dataset.admin === "true";
  const NEW_OPTION = "\u0000new";
  const ERRORS_PER_PAGE = 10;

  function show(step) {
    for (const section of document.querySelectorAll("section.step")) section.hidden = section.id !== "step-" + step;
    let past = true;
    for (const li of document.querySelectorAll(".steps li")) {
      const current = li.dataset.step === step;
      if (current) past = false;
      li.toggleAttribute("aria-current", current);
      if (current) li.setAttribute("aria-current", "step");
      li.classList.toggle("done", past && !current);
    }
    lp.say(wizardError, "");
    const heading = document.querySelector(`#step-${step} h2`);
    if (heading) heading.focus();
  }

  function fail(message) {
    lp.say(wizardError, message, "error");
    wizardError.scrollIntoView({ block: "nearest" });
  }

  // ---- step 1: upload -------------------------------------------------------------------------------------------
  function checkFile(file) {
    if (!/\.(csv|tsv|txt|xlsx)$/i.test(file.name)) {
      return `“${file.name}” is not a CSV or XLSX file. Save it as CSV or Excel (.xlsx) and try again.`;
    }
    if (file.size > maxBytes) {
      return `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${main.dataset.maxText}. Split the file and import the parts.`;
    }
    if (file.size === 0) return `“${file.name}” is empty.`;
    return null;
  }

  function formData(withDuplicateMode, reviewToken) {
    const data = new FormData();
    // The file was stored once; every later step names it by its upload id.
    data.append("uploadId", state.uploadId);
    if (Object.keys(state.mapping).length) data.append("mapping", JSON.stringify(state.mapping));
    const region = $("default-region").value.trim();
    if (region) data.append("defaultRegion", region.toUpperCase());
    data.append("dateOrder", $("date-order").value);
    // Only the maps of targets that are still mapped; a value mapped to "" is left empty.
    const mapped = new Set(Object.values(state.mapping));
    const valueMaps = Object.fromEntries(Object.entries(state.valueMaps).filter(([t, m]) => mapped.has(t) && Object.keys(m).length));
    if (Object.keys(valueMaps).length) data.append("valueMaps", JSON.stringify(valueMaps));
    const constants = {};
    if ($("constant-source").value.trim()) constants.source = $("constant-source").value.trim();
    if ($("constant-owner").value) constants.owner = $("constant-owner").value;
    if ($("constant-status").value) constants.status = $("constant-status").value;
    if (Object.keys(constants).length) {
      data.append("constants", JSON.stringify(constants));
      data.append("overrideConstants", String($("constant-override").checked));
    }
    const strict = [...document.querySelectorAll('input[name="strict"]:checked')].map((b) => b.value);
    if (strict.length) data.append("strict", strict.join(","));
    const newOptions = Object.fromEntries(Object.entries(state.newOptions).filter(([t, o]) => mapped.has(t) && o.length)
      .map(([t, o]) => [t.replace(/^custom:/, ""), o]));
    if (Object.keys(newOptions).length) data.append("newOptions", JSON.stringify(newOptions));
    const matchBy = document.querySelector('input[name="matchBy"]:checked');
    if (matchBy && matchBy.value !== "EMAIL") data.append("matchBy", matchBy.value);
    if (withDuplicateMode) data.append("duplicateMode", document.querySelector('input[name="duplicateMode"]:checked').value);
    if (reviewToken) data.append("reviewToken", reviewToken);
    if (reviewToken && $("publish-mapping") && $("publish-mapping").checked) data.append("publishMapping", "true");
    // The encoding the user chose, or the one an unsure detection showed them: what they saw is what is stored.
    const encoding = $("encoding").value || (state.report && !state.report.reading.encodingCertain ? state.report.encoding : "");
    if (encoding) data.append("encoding", encoding);
    if ($("header-row").value) data.append("headerRow", $("header-row").value);
    return data;
  }

  /** Posts the file with XMLHttpRequest so the upload's progress can be shown. */
  function upload(url, data, onProgress) {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("Accept", "application/json");
      for (const [k, v] of Object.entries(lp.csrfHeaders())) xhr.setRequestHeader(k, v);
      xhr.upload.addEventListener("progress", (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100)));
      xhr.addEventListener("load", () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
        resolve({ ok: xhr.status >= 200 && xhr.status < 300, status: xhr.status, data: body });
      });
      xhr.addEventListener("error", () => resolve({ ok: false, status: 0, data: { detail: "The upload failed: the server could not be reached." } }));
      xhr.send(data);
    });
  }

  function uploadProblem(result) {
    if (result.status === 413) return `The file is larger than the limit of ${main.dataset.maxText}.`;
    return lp.problemMessage(result, "The file could not be read.");
  }

  /** Sends the file once; later steps refer to it by its upload id. */
  async function store() {
    const box = $("upload-progress-box");
    const bar = $("upload-progress");
    const status = $("upload-status");
    box.hidden = false;
    bar.value = 0;
    let announced = -1;
    const data = new FormData();
    data.append("file", state.file);
    const result = await upload(base + "/uploads", data, (pct) => {
      bar.value = pct;
      const step = Math.floor(pct / 25);
      if (step !== announced) {
        announced = step;
        status.textContent = pct < 100 ? `Uploading: ${pct} %` : "Uploaded. Reading the file…";
      }
    });
    box.hidden = true;
    status.textContent = "";
    return result;
  }

  /** A dry run of the stored upload: answered at once for a small file, else followed as a job until it ends. */
  async function validate(withDuplicateMode) {
    const result = await lp.api("POST", base + "/validate", formData(withDuplicateMode));
    if (result.status !== 202) return result;
    return followCheck(result.data);
  }

  async function followCheck(check) {
    state.check = check;
    const box = $("check-box");
    box.hidden = false;
    $("cancel-check").disabled = false;
    let last = "";
    while (check.status === "QUEUED" || check.status === "RUNNING") {
      $("check-progress").value = check.percent ?? 0;
      let text = check.totalRows == null ? `Checking ${lp.number(check.checkedRows)} rows…`
        : `Checking ${lp.number(check.checkedRows)} of ${lp.number(check.totalRows)} rows`;
      if (check.secondsLeft != null) text += `, about ${lp.number(check.secondsLeft)} s left`;
      // Said again only when it changes, so a screen reader is not flooded.
      if (text !== last) $("check-status").textContent = last = text;
      await new Promise((r) => setTimeout(r, 500));
      const next = await lp.api("GET", `${base}/uploads/${check.uploadId}/checks/${check.checkId}`);
      if (!next.ok) {
        box.hidden = true;
        return next;
      }
      check = next.data;
    }
    box.hidden = true;
    state.check = null;
    $("check-status").textContent = check.status === "COMPLETED" ? "Check finished." : check.status === "CANCELLED" ? "The check was cancelled." : "";
    if (check.status === "COMPLETED") return { ok: true, status: 200, data: check.report };
    return { ok: false, status: 0, data: { detail: check.status === "CANCELLED" ? "The check was cancelled; nothing changed." : check.errorMessage || "The check failed." } };
  }

  async function chooseFile(file) {
    const problem = checkFile(file);
    if (problem) {
      fail(problem);
      $("file").value = "";
      return;
    }
    lp.say(wizardError, "");
    state.file = file;
    state.mapping = {};
    state.valueMaps = {};
    state.newOptions = {};
    state.report = null;
    $("encoding").value = "";
    $("header-row").value = "";
    const stored = await store();
    if (!stored.ok) {
      fail(uploadProblem(stored));
      return;
    }
    state.uploadId = stored.data.uploadId;
    const result = await validate(false);
    if (!result.ok) {
      fail(uploadProblem(result));
      return;
    }
    state.report = result.data;
    for (const c of state.report.mapping) state.mapping[c.header] = c.target;
    renderMapping();
    show("map");
  }

  $("file").addEventListener("change", (e) => e.target.files[0] && chooseFile(e.target.files[0]));
  const zone = $("dropzone");
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("dragover"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragover"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("dragover");
    const file = e.dataTransfer.files[0];
    if (file) chooseFile(file);
  });
  document.querySelectorAll(".restart").forEach((b) => b.addEventListener("click", () => {
    if (state.source) state.source.close();
    $("file").value = "";
    state.file = null;
    state.uploadId = null;
    loadRecent();
    show("upload");
  }));

  // ---- step 2: mapping ------------------------------------------------------------------------------------------
  function confidence(c) {
    const pct = Math.round((c || 0) * 100);
    if (pct >= 90) return ["High", pct, "confidence-high"];
    if (pct >= 60) return ["Medium", pct, "confidence-medium"];
    return [pct === 0 ? "None" : "Low", pct, "confidence-low"];
  }

  function renderMapping() {
    const r = state.report;
    $("file-facts").textContent = `${r.fileName}: ${r.format}, ${r.encoding}${r.delimiter ? ", separated by " + (r.delimiter === "\t" ? "tab" : r.delimiter.length > 1 ? r.delimiter : "“" + r.delimiter + "”") : ""}, ${lp.number(r.totalRows)} rows.`;
    $("saved-mapping").hidden = !r.savedMappingApplied;
    const reading = r.reading || { headerRow: 1, encodingCertain: true, encodingAlternatives: [] };
    const unsure = $("encoding-unsure");
    unsure.hidden = reading.encodingCertain;
    unsure.textContent = reading.encodingCertain ? "" :
      `The text encoding could not be told for sure: the file is read as ${r.encoding}` +
      (reading.encodingAlternatives.length ? `, but it could also be ${reading.encodingAlternatives.join(" or ")}` : "") +
      ". Check that the sample values below read right; if they look garbled, choose the encoding under “How the file is read”.";
    if (!reading.encodingCertain) $("reading-choices").open = true;
    $("header-row-hint").textContent = `Found on row ${reading.headerRow}.`;
    const tbody = document.querySelector("#mapping-table tbody");
    tbody.replaceChildren();
    for (const column of r.mapping) {
      const select = $("target-template").content.firstElementChild.cloneNode(true);
      select.id = "target-" + column.index;
      select.value = state.mapping[column.header] || "ignore";
      select.dataset.header = column.header;
      const [word, pct, cls] = confidence(column.confidence);
      tbody.append(lp.el("tr", {},
        lp.el("th", { scope: "row" }, lp.el("label", { for: select.id, text: column.header || `(column ${column.index + 1})` })),
        lp.el("td", { class: "wrap", text: (column.samples || []).filter(Boolean).slice(0, 3).join(" · ") || "(empty)" }),
        lp.el("td", {}, select),
        lp.el("td", {}, lp.el("span", { class: cls, text: select.value === "ignore" && pct === 0 ? "No suggestion" : `${word} (${pct} %)` }))));
    }
    renderValueMaps();
    renderFeeds();
  }

  /** Fields fed by several columns, in the order they are tried: the first valid value of a row wins. */
  function renderFeeds() {
    const feeds = {};
    for (const select of document.querySelectorAll("#mapping-table select.target")) {
      if (select.value !== "ignore") (feeds[select.value] = feeds[select.value] || []).push(select.dataset.header);
    }
    const several = Object.entries(feeds).filter(([, headers]) => headers.length > 1);
    $("feeds").textContent = several.length === 0 ? "" : several.map(([target, headers]) => {
      const label = $("target-template").content.querySelector(`option[value="${CSS.escape(target)}"]`);
      return `${label ? label.textContent : target} comes from ${headers.map((h) => `“${h}”`).join(", then ")}: the first valid value of each row is used.`;
    }).join(" ");
  }

  $("read-again").addEventListener("click", async () => {
    state.mapping = {};
    state.valueMaps = {};
    const result = await validate(false);
    if (!result.ok) {
      fail(uploadProblem(result));
      return;
    }
    state.report = result.data;
    for (const c of state.report.mapping) state.mapping[c.header] = c.target;
    renderMapping();
    $("map-heading").focus();
  });

  document.querySelector("#mapping-table tbody").addEventListener("change", (e) => {
    const select = e.target;
    if (!select.matches("select.target")) return;
    const chosen = select.value;
    // Several columns may feed one field; renderFeeds says in which order they are tried.
    state.mapping[select.dataset.header] = chosen;
    renderFeeds();
    select.closest("tr").lastElementChild.firstElementChild.textContent = "Your choice";
    select.closest("tr").lastElementChild.firstElementChild.className = "confidence-high";
    renderValueMaps();
  });

  const HOW_TEXT = { valid: "", mapped: "Your choice", synonym: "Another CRM's word for it" };

  /** What a value becomes unless the user chooses: its own or a synonym's value, a suggestion, else nothing. */
  function natural(v) {
    return v.how === "unknown" ? "" : v.becomes ?? "";
  }

  /** One table per fixed-value column still mapped to its target: each distinct value, its rows and a choice. */
  function renderValueMaps() {
    const box = $("value-maps-tables");
    box.replaceChildren();
    let shown = 0;
    (state.report.values || []).forEach((col, c) => {
      if (state.mapping[col.header] !== col.target) return;
      const map = (state.valueMaps[col.target] ||= {});
      const rows = col.values.map((v, i) => {
        // A suggestion is taken unless the user picks otherwise; it is sent with the mapping, so the review shows it.
        if (v.how === "suggested" && !(v.value in map)) map[v.value] = v.becomes;
        const select = lp.el("select", { id: `value-${c}-${i}`, "aria-label": `“${v.value}” becomes` },
          lp.el("option", { value: "", text: col.unknownBecomes }),
          ...col.choices.map((ch) => lp.el("option", { value: ch.value, text: ch.label })),
          // An admin may make an unknown value of a choice field one of its options.
          col.canAddOption && v.how !== "valid" && isAdmin ? lp.el("option", { value: NEW_OPTION, text: `Add “${v.value}” as a new option` }) : null);
        select.value = v.value in map ? map[v.value] : natural(v);
        const note = v.how === "suggested" ? `Suggested (${Math.round(v.confidence * 100)} % sure)`
          : v.how === "unknown" ? (col.target === "owner" ? "Not a Leadport user" : "Not a known value") : HOW_TEXT[v.how] || "";
        const noteCell = lp.el("td", { text: note });
        select.addEventListener("change", () => {
          const options = (state.newOptions[col.target] ||= []);
          const at = options.indexOf(v.value);
          if (at >= 0) options.splice(at, 1);
          if (select.value === NEW_OPTION) {
            options.push(v.value);
            map[v.value] = v.value;
          } else {
            map[v.value] = select.value;
          }
          noteCell.textContent = "Your choice";
        });
        return lp.el("tr", {}, lp.el("th", { scope: "row", class: "wrap", text: v.value }), lp.el("td", { text: lp.number(v.rows) }),
          lp.el("td", {}, select), noteCell);
      });
      shown++;
      const more = col.moreValues ? lp.el("p", { class: "muted", text: `${lp.number(col.moreValues)} more values in ${lp.number(col.moreRows)} rows are not listed; they are read as they are.` }) : null;
      box.append(lp.el("div", { class: "table-wrap" }, lp.el("table", { class: "value-map" },
        lp.el("caption", { text: `Values in “${col.header}” (${col.targetLabel})` }),
        lp.el("thead", {}, lp.el("tr", {}, lp.el("th", { scope: "col", text: "Value in your file" }), lp.el("th", { scope: "col", text: "Rows" }),
          lp.el("th", { scope: "col", text: "Becomes" }), lp.el("th", { scope: "col", text: "Note" }))),
        lp.el("tbody", {}, rows))));
      if (more) box.append(more);
    });
    $("value-maps").hidden = shown === 0;
  }

  $("to-review").addEventListener("click", async () => {
    const result = await validate(true);
    if (!result.ok) {
      fail(uploadProblem(result));
      return;
    }
    state.report = result.data;
    state.errorPage = 0;
    state.changed = false;
    renderReview();
    show("review");
  });

  // ---- step 3: review -------------------------------------------------------------------------------------------
  function stat(label, value) {
    return lp.el("li", {}, lp.el("strong", { text: lp.number(value) }), label);
  }

  function renderReview() {
    const r = state.report;
    $("review-counts").replaceChildren(...[
      stat("rows in the file", r.totalRows), stat("would be created", r.wouldCreate), stat("would update a lead", r.wouldUpdate),
      stat("would be skipped", r.wouldSkip), stat("rows with problems, not imported", r.invalidRows),
      r.wouldFail > 0 ? stat("would fail on import", r.wouldFail) : null,
      stat("imported with warnings", r.rowsWithWarnings),
      stat("duplicate emails in the file", r.duplicatesInFile), stat("match existing leads", r.matchesExisting)].filter(Boolean));
    $("errors-summary").textContent = summary(r);
    $("changed-note").hidden = !state.changed;
    const nothing = r.wouldCreate + r.wouldUpdate === 0;
    $("start-import").disabled = nothing;
    $("start-note").hidden = !nothing;
    $("start-note").textContent = r.totalRows === 0 ? "The file has no data rows, so there is nothing to import."
      : nothing ? "No row would create or update a lead, so there is nothing to import." : "";
    state.counts = null;
    loadGrid();
  }

  const plural = (n, one, many) => `${lp.number(n)} ${n === 1 ? one : many}`;

  /** One sentence per kind of outcome; "no problems" only when no row fails and none carries a warning. */
  function summary(r) {
    if (r.totalRows === 0) return "The file has no data rows: it holds only a header line.";
    const parts = [];
    if (r.invalidRows) parts.push(`${plural(r.invalidRows, "row has", "rows have")} problems and will not be imported.`);
    if (r.wouldFail) {
      const why = r.duplicateMode === "CREATE" ? "their email belongs to an existing lead and Create does not update it"
        : "the existing lead with their email belongs to another user";
      parts.push(`${plural(r.wouldFail, "row", "rows")} would fail on import: ${why}.`);
    }
    if (r.rowsWithWarnings) parts.push(`${plural(r.rowsWithWarnings, "row is", "rows are")} imported with a warning: one value left out or kept as typed.`);
    if (!parts.length) return "No problems: every row can be imported.";
    parts.push("Fix the rows below: edit a cell and press Enter (or leave it) to check the row again, or drop the row.");
    return parts.join(" ");
  }

  // ---- the review grid: rows with problems, edited in place on the server -----------------------------------------
  const STATE_TEXT = { ERROR: "Not imported", WARNING: "Imported with a warning", OK: "Fixed: will be imported", DROPPED: "Dropped" };
  const gridUrl = () => `${base}/uploads/${state.uploadId}`;

  async function loadGrid() {
    // The counts per column and reason are asked for again only after a check or a change, not for every page.
    const params = new URLSearchParams({ page: state.errorPage, size: ERRORS_PER_PAGE, counts: state.counts ? "false" : "true" });
    if ($("error-column").value) params.set("column", $("error-column").value);
    if ($("error-reason").value) params.set("reason", $("error-reason").value);
    const result = await lp.api("GET", `${gridUrl()}/problems?${params}`);
    if (!result.ok) {
      fail(lp.problemMessage(result, "The rows with problems could not be loaded."));
      return;
    }
    const g = result.data;
    state.headers = g.headers;
    if (g.columns) state.counts = { columns: g.columns, reasons: g.reasons };
    g.columns = state.counts.columns;
    g.reasons = state.counts.reasons;
    const fill = (select, counts, all, label) => {
      const keep = select.value;
      select.replaceChildren(lp.el("option", { value: "", text: all }),
        ...Object.entries(counts).filter(([v]) => v).map(([v, n]) => lp.el("option", { value: v, text: `${label(v)} (${lp.number(n)})` })));
      select.value = [...select.options].some((o) => o.value === keep) ? keep : "";
    };
    fill($("error-column"), g.columns, "All columns", (v) => v);
    fill($("error-reason"), g.reasons, "All reasons", (v) => v);
    const replace = $("replace-column");
    if (replace.options.length !== g.headers.length) {
      replace.replaceChildren(...g.headers.map((h) => lp.el("option", { value: h, text: h || "(no name)" })));
    }
    $("grid-head").replaceChildren(lp.el("th", { scope: "col", text: "Row" }), lp.el("th", { scope: "col", text: "Outcome" }),
      ...g.headers.map((h) => lp.el("th", { scope: "col", text: h })), lp.el("th", { scope: "col", text: "Problems" }),
      lp.el("th", { scope: "col", text: "Action" }));
    const tbody = document.querySelector("#errors-table tbody");
    tbody.replaceChildren(...(g.rows.length ? g.rows.map(gridRow) :
      [lp.el("tr", {}, lp.el("td", { colspan: g.headers.length + 4, text: "No problems to show." }))]));
    const first = g.page * g.size;
    $("errors-page").textContent = g.total ? `Rows ${lp.number(first + 1)}–${lp.number(first + g.rows.length)} of ${lp.number(g.total)}` : "";
    $("errors-prev").disabled = g.page === 0;
    $("errors-next").disabled = first + g.rows.length >= g.total;
  }

  function problemText(p) {
    return `${p.column ? p.column + ": " : ""}${p.value ? "“" + p.value + "” " : ""}${p.reason}`;
  }

  function gridRow(r) {
    const tr = lp.el("tr", { "data-row": r.row, class: "grid-" + r.state.toLowerCase() });
    fillRow(tr, r);
    return tr;
  }

  function fillRow(tr, r) {
    const cells = state.headers.map((h, i) => {
      const input = lp.el("input", { type: "text", value: r.values[i] ?? "", "aria-label": `Row ${r.row}, ${h || "column " + (i + 1)}`,
        "data-column": h, class: r.edited.includes(i) ? "edited" : "" });
      input.disabled = r.dropped;
      input.dataset.saved = input.value;
      return lp.el("td", {}, input);
    });
    const drop = lp.el("button", { type: "button", class: "drop-row", text: "Drop", "aria-label": `Drop row ${r.row}` });
    drop.disabled = r.dropped;
    tr.className = "grid-" + r.state.toLowerCase();
    tr.replaceChildren(lp.el("th", { scope: "row", text: r.row }), lp.el("td", { class: "outcome", text: STATE_TEXT[r.state] || r.state }),
      ...cells, lp.el("td", { class: "wrap", text: r.problems.map(problemText).join("; ") || "None" }), lp.el("td", {}, drop));
  }

  function rowChanged(text) {
    state.changed = true;
    state.counts = null;
    $("changed-note").hidden = false;
    $("grid-status").textContent = text;
  }

  async function saveCell(input) {
    if (input.value === input.dataset.saved) return;
    const tr = input.closest("tr");
    const row = tr.dataset.row;
    const focused = input.dataset.column;
    input.dataset.saved = input.value;
    const result = await lp.api("PUT", `${gridUrl()}/rows/${row}`, { cells: { [focused]: input.value } });
    if (!result.ok) {
      fail(lp.problemMessage(result, `Row ${row} could not be saved.`));
      return;
    }
    const hadFocus = document.activeElement === input;
    fillRow(tr, result.data);
    if (hadFocus) tr.querySelector(`input[data-column="${CSS.escape(focused)}"]`)?.focus();
    rowChanged(`Row ${row} saved and checked again: ${STATE_TEXT[result.data.state]}.`);
  }

  const grid = document.querySelector("#errors-table tbody");
  grid.addEventListener("change", (e) => e.target.matches("input") && saveCell(e.target));
  grid.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && e.target.matches("input")) {
      e.preventDefault();
      saveCell(e.target);
    }
  });
  grid.addEventListener("click", async (e) => {
    const button = e.target.closest("button.drop-row");
    if (!button) return;
    const tr = button.closest("tr");
    const result = await lp.api("DELETE", `${gridUrl()}/rows/${tr.dataset.row}`);
    if (!result.ok) {
      fail(lp.problemMessage(result, "The row could not be dropped."));
      return;
    }
    fillRow(tr, result.data);
    tr.querySelector("th").setAttribute("tabindex", "-1");
    tr.querySelector("th").focus();
    rowChanged(`Row ${tr.dataset.row} dropped: it will not be imported.`);
  });

  $("replace-all").addEventListener("click", async () => {
    const column = $("replace-column").value;
    const from = $("replace-from").value;
    const to = $("replace-to").value;
    const result = await lp.api("POST", `${gridUrl()}/replace`, { column, from, to });
    if (!result.ok) {
      fail(lp.problemMessage(result, "The value could not be replaced."));
      return;
    }
    await loadGrid();
    rowChanged(`“${from}” becomes “${to}” in every row of “${column}”; ${plural(result.data.rowsChecked, "listed row was", "listed rows were")} checked again.`);
  });

  $("check-again").addEventListener("click", async () => {
    const result = await validate(true);
    if (result.ok) { state.report = result.data; state.changed = false; renderReview(); } else fail(uploadProblem(result));
  });

  $("cancel-check").addEventListener("click", async () => {
    if (!state.check) return;
    $("cancel-check").disabled = true;
    await lp.api("POST", `${base}/uploads/${state.check.uploadId}/checks/${state.check.checkId}/cancel`);
  });

  $("error-column").addEventListener("change", () => { state.errorPage = 0; loadGrid(); });
  $("error-reason").addEventListener("change", () => { state.errorPage = 0; loadGrid(); });
  $("errors-prev").addEventListener("click", () => { state.errorPage--; loadGrid(); });
  $("errors-next").addEventListener("click", () => { state.errorPage++; loadGrid(); });
  $("back-to-map").addEventListener("click", () => { renderMapping(); show("map"); });
  document.querySelectorAll('input[name="duplicateMode"], input[name="matchBy"], input[name="strict"]').forEach((radio) => radio.addEventListener("change", async () => {
    const result = await validate(true);
    if (result.ok) { state.report = result.data; state.changed = false; renderReview(); } else fail(uploadProblem(result));
  }));

  // ---- step 4: run ----------------------------------------------------------------------------------------------
  $("start-import").addEventListener("click", async () => {
    $("start-import").disabled = true;
    // The review's token: only an import started from a reviewed mapping saves that mapping for next time.
    const result = await upload(base + "/import", formData(true, state.report.reviewToken), (pct) => {
      $("run-numbers").textContent = pct < 100 ? `Uploading: ${pct} %` : "Uploaded. Starting…";
    });
    $("start-import").disabled = false;
    if (!result.ok) {
      fail(uploadProblem(result));
      return;
    }
    follow(result.data);
  });

  function follow(job) {
    state.job = job;
    history.replaceState(null, "", "/import?job=" + job.id);
    show("run");
    $("cancel-import").disabled = false;
    let lastAnnounced = -1;
    const update = (j) => {
      state.job = j;
      const pct = j.percent ?? (j.totalRows ? Math.floor((j.processedRows * 100) / j.totalRows) : 0);
      $("run-progress").value = pct;
      let text = `${lp.number(j.processedRows)} of ${j.totalRows == null ? "?" : lp.number(j.totalRows)} rows (${pct} %)`;
      if (j.rowsPerSecond) text += ` · ${lp.number(Math.round(j.rowsPerSecond))} rows/s`;
      if (j.secondsLeft != null) text += ` · about ${lp.duration(j.secondsLeft * 1000)} left`;
      $("run-numbers").textContent = text;
      const decile = Math.floor(pct / 10);
      if (decile !== lastAnnounced) {
        lastAnnounced = decile;
        $("run-announce").textContent = `Import ${pct} % done`;
      }
      if (isFinal(j.status)) finished(j);
    };
    update(job);
    if (isFinal(job.status)) return;
    const source = new EventSource(`${base}/imports/${job.id}/events`);
    state.source = source;
    const onEvent = (e) => update(JSON.parse(e.data));
    source.addEventListener("progress", onEvent);
    source.addEventListener("done", (e) => { source.close(); onEvent(e); });
    source.addEventListener("error", () => {
      // The stream broke (proxy, network): ask for the state until the import ends.
      source.close();
      poll(job.id, update);
    });
  }

  async function poll(id, update) {
    while (!isFinal(state.job.status)) {
      await new Promise((r) => setTimeout(r, 1000));
      const result = await lp.api("GET", `${base}/imports/${id}`);
      if (result.ok) update(result.data);
    }
  }

  const isFinal = (s) => ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "UNDONE"].includes(s);

  $("cancel-import").addEventListener("click", async () => {
    $("cancel-import").disabled = true;
    const result = await lp.api("POST", `${base}/imports/${state.job.id}/cancel`);
    if (!result.ok) fail(lp.problemMessage(result, "The import could not be cancelled."));
  });

  // ---- step 5: result -------------------------------------------------------------------------------------------
  const STATUS_TEXT = {
    COMPLETED: "Completed without errors.", COMPLETED_WITH_ERRORS: "Completed, but some rows were not imported.",
    FAILED: "Failed.", CANCELLED: "Cancelled. Rows imported before the cancel were kept; undo removes them.",
    UNDONE: "Undone: the leads it created are in the recycle bin, the leads it updated have their previous values back.",
  };

  function finished(j) {
    if (state.source) state.source.close();
    $("run-progress").value = j.status === "COMPLETED" || j.status === "COMPLETED_WITH_ERRORS" ? 100 : $("run-progress").value;
    show("result");
    $("result-status").replaceChildren(
      lp.el("span", { class: "badge-status badge-" + j.status.toLowerCase(), text: j.status.replaceAll("_", " ") }), " ",
      `${j.fileName}: ${STATUS_TEXT[j.status] || ""}${j.errorMessage ? " " + j.errorMessage : ""}` +
      (j.rowsWithWarnings ? ` ${plural(j.rowsWithWarnings, "row was", "rows were")} imported with a warning (see the report).` : ""));
    const took = j.startedAt && j.finishedAt ? new Date(j.finishedAt) - new Date(j.startedAt) : null;
    $("result-counts").replaceChildren(stat("rows", j.totalRows ?? j.processedRows), stat("created", j.created), stat("updated", j.updated),
      stat("skipped", j.skipped), stat("failed", j.failed), stat("with warnings", j.rowsWithWarnings || 0), lp.el("li", {}, lp.el("strong", { text: lp.duration(took) }), "duration"));
    const link = $("errors-download");
    link.href = `${base}/imports/${j.id}/errors`;
    link.hidden = !j.failed && !j.rowsWithWarnings;
    $("errors-help").hidden = link.hidden;
    const success = $("success-download");
    success.href = `${base}/imports/${j.id}/success`;
    success.hidden = j.status === "UNDONE" || (j.created + j.updated + j.skipped === 0);
    $("undo-import").hidden = j.status === "UNDONE" || j.status === "FAILED" || (j.created + j.updated === 0);
  }

  const undoDialog = $("undo-dialog");
  // The dialog opens on "Keep it" (autofocus), so Enter never undoes by accident; closing it returns to the button.
  $("undo-import").addEventListener("click", () => undoDialog.showModal());
  $("undo-no").addEventListener("click", () => undoDialog.close());
  $("undo-yes").addEventListener("click", async () => {
    undoDialog.close();
    const result = await lp.api("POST", `${base}/imports/${state.job.id}/undo`);
    if (!result.ok) {
      fail(lp.problemMessage(result, "The import could not be undone."));
      return;
    }
    const u = result.data;
    let text = `Undone: ${lp.number(u.deleted)} created ${u.deleted === 1 ? "lead" : "leads"} deleted, ${lp.number(u.restored)} updated ${u.restored === 1 ? "lead" : "leads"} restored.`;
    if (u.keptTotal) text += ` ${lp.number(u.keptTotal)} kept because they changed since: ` + (u.kept || []).slice(0, 10).map((k) => `#${k.leadId} (${k.reason})`).join(", ");
    const job = await lp.api("GET", `${base}/imports/${state.job.id}`);
    if (job.ok) {
      // The whole result says what the import is now, not what it was before the undo.
      state.job = job.data;
      finished(job.data);
    }
    $("undo-import").hidden = true;
    $("undo-result").textContent = text;
    // The undo button is gone; the focus moves to what the undo did instead of to the page's start.
    $("undo-result").focus();
  });

  // ---- recent imports and reopening one ---------------------------------------------------------------------------
  async function loadRecent() {
    const list = $("recent-imports");
    const result = await lp.api("GET", `${base}/imports?size=5`);
    if (!result.ok) {
      list.replaceChildren(lp.el("li", { text: "Recent imports could not be loaded." }));
      return;
    }
    const jobs = Array.isArray(result.data) ? result.data : result.data.items || [];
    list.replaceChildren(...(jobs.length ? jobs.map((j) => lp.el("li", {},
      lp.el("a", { href: "/import?job=" + j.id, text: j.fileName }), " ",
      lp.el("span", { class: "badge-status badge-" + j.status.toLowerCase(), text: j.status.replaceAll("_", " ") }),
      ` ${lp.number(j.created)} created, ${lp.number(j.updated)} updated, ${lp.number(j.failed)} failed`)) :
      [lp.el("li", { text: "No imports yet." })]));
  }

  const reopen = new URLSearchParams(location.search).get("job");
  if (reopen) {
    lp.api("GET", `${base}/imports/${encodeURIComponent(reopen)}`).then((r) => (r.ok ? follow(r.data) : fail(lp.problemMessage(r, "That import was not found."))));
  } else {
    loadRecent();
  }
})();
