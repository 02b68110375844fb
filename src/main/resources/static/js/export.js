// Export builder: ordered field choice, filters, live count and preview, and a Download link with the same query.
(() => {
  const lp = window.leadport;
  const form = document.getElementById("export-form");
  const picker = document.getElementById("field-picker");
  const link = document.getElementById("export-download");
  const count = document.getElementById("export-count");
  let timer = null;
  let latest = 0; // answers to older requests are dropped, so a slow one never overwrites a newer preview

  function query() {
    const params = new URLSearchParams();
    const fields = [...picker.querySelectorAll("input.export-field:checked")].map((b) => b.value);
    params.set("fields", fields.join(","));
    for (const [k, v] of new FormData(form)) if (v) params.append(k, v);
    return params;
  }

  /** The Download link always carries the current choice; only the preview waits for the user to pause. */
  function updateLink() {
    const params = query();
    link.href = "/api/leads/import-export/export?" + params;
    updateBackLink();
    if (params.get("fields")) link.removeAttribute("aria-disabled");
    else link.setAttribute("aria-disabled", "true");
    return params;
  }

  async function refresh() {
    const params = updateLink();
    if (!params.get("fields")) {
      latest++;
      count.textContent = "Choose at least one column.";
      return;
    }
    const ticket = ++latest;
    const result = await lp.api("GET", "/api/leads/import-export/export/preview?" + params);
    if (ticket !== latest) return;
    const thead = document.querySelector("#preview-table thead");
    const tbody = document.querySelector("#preview-table tbody");
    if (!result.ok) {
      count.textContent = result.status === 404 ? "The preview is not available on this server." : lp.problemMessage(result);
      thead.replaceChildren();
      tbody.replaceChildren();
      return;
    }
    const d = result.data;
    const total = d.total ?? d.count ?? 0;
    count.textContent = `${lp.number(total)} ${total === 1 ? "lead matches" : "leads match"}; the file will have ${lp.number(total)} rows.`;
    const headers = d.fields ? d.fields.map((f) => f.label) : params.get("fields").split(",");
    const keys = params.get("fields").split(",");
    thead.replaceChildren(lp.el("tr", {}, headers.map((h) => lp.el("th", { scope: "col", text: h }))));
    const rows = d.rows || d.items || [];
    tbody.replaceChildren(...rows.map((row) => lp.el("tr", {},
      (Array.isArray(row) ? row : keys.map((k) => row[k])).map((v) => lp.el("td", { text: v ?? "" })))));
  }

  function later() {
    updateLink();
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", (e) => e.preventDefault());
  link.addEventListener("click", (e) => {
    if (link.getAttribute("aria-disabled") === "true") e.preventDefault();
  });
  picker.addEventListener("click", (e) => {
    const item = e.target.closest("li");
    if (e.target.matches(".move-up") && item.previousElementSibling) item.previousElementSibling.before(item);
    else if (e.target.matches(".move-down") && item.nextElementSibling) item.nextElementSibling.after(item);
    else return;
    e.target.focus();
    later();
  });
  // ---- schedule this export ----------------------------------------------------------------------------------------
  const dialog = document.getElementById("schedule-dialog");
  const scheduleForm = document.getElementById("schedule-form");
  const type = document.getElementById("sch-type");
  const showRecurrence = () => {
    document.getElementById("sch-days").hidden = type.value !== "WEEKLY";
    document.getElementById("sch-dom-field").hidden = type.value !== "MONTHLY";
    document.getElementById("sch-cron-field").hidden = type.value !== "CRON";
    document.getElementById("sch-time-field").hidden = type.value === "CRON";
  };
  type.addEventListener("change", showRecurrence);
  let editing = null; // the schedule being edited, when the page was opened from Settings with ?schedule=<id>
  function openDialog() {
    const zone = document.getElementById("sch-zone");
    if (!zone.value) zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    lp.say(document.getElementById("schedule-error"), "");
    showRecurrence();
    dialog.showModal();
  }
  document.getElementById("schedule-open").addEventListener("click", openDialog);
  document.getElementById("schedule-cancel").addEventListener("click", () => dialog.close());
  scheduleForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const error = document.getElementById("schedule-error");
    const value = (id) => document.getElementById(id).value.trim();
    const params = query();
    if (!value("sch-name")) {
      lp.say(error, "Give the schedule a name.", "error");
      document.getElementById("sch-name").focus();
      return;
    }
    if (!params.get("fields")) {
      lp.say(error, "Choose at least one column on the page first.", "error");
      return;
    }
    const owner = document.getElementById("ex-owner");
    const filter = {
      statuses: params.getAll("status"),
      ownerId: owner.value ? Number(owner.selectedOptions[0].dataset.id) : null,
      source: params.get("source"), createdFrom: params.get("createdFrom"), createdTo: params.get("createdTo"), q: params.get("q"),
    };
    const body = {
      name: value("sch-name"), filter, fields: params.get("fields").split(","), format: params.get("format") || "csv",
      recurrence: {
        type: type.value, time: type.value === "CRON" ? null : value("sch-time"),
        days: [...scheduleForm.querySelectorAll('input[name="day"]:checked')].map((b) => b.value),
        dayOfMonth: type.value === "MONTHLY" ? Number(value("sch-dom")) : null, cron: type.value === "CRON" ? value("sch-cron") : null,
      },
      timeZone: value("sch-zone"),
      recipients: value("sch-recipients").split(/[,;\s]+/).filter(Boolean),
    };
    const result = editing
      ? await lp.api("PUT", `/api/leads/import-export/schedules/${editing.id}`, body)
      : await lp.api("POST", "/api/leads/import-export/schedules", body);
    if (!result.ok) {
      lp.say(error, lp.problemMessage(result, "The schedule could not be saved."), "error");
      return;
    }
    dialog.close();
    const next = result.data.nextRunAt ? new Date(result.data.nextRunAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "–";
    const message = document.getElementById("schedule-message");
    const runs = editing ? "it next runs" : "it first runs";
    lp.say(message, `Schedule “${result.data.name}” saved; ${runs} ${next}. Manage it in Settings.`, "ok");
  });

  /** Puts a saved schedule's columns, filters, format and timing back on the page, so it is edited where it was made. */
  function applySchedule(s) {
    const fields = s.fields || [];
    const boxes = [...picker.querySelectorAll("input.export-field")];
    boxes.forEach((b) => { b.checked = fields.includes(b.value); });
    // Chosen columns first, in the schedule's order; the rest keep their order after them.
    [...fields].reverse().forEach((key) => {
      const item = picker.querySelector(`li[data-key="${CSS.escape(key)}"]`);
      if (item) picker.prepend(item);
    });
    const f = s.filter || {};
    form.querySelectorAll('input[name="status"]').forEach((b) => { b.checked = (f.statuses || []).includes(b.value); });
    const owner = document.getElementById("ex-owner");
    const option = [...owner.options].find((o) => o.dataset.id && Number(o.dataset.id) === f.ownerId);
    owner.value = option ? option.value : "";
    document.getElementById("ex-source").value = f.source || "";
    document.getElementById("ex-q").value = f.q || "";
    document.getElementById("ex-from").value = f.createdFrom || "";
    document.getElementById("ex-to").value = f.createdTo || "";
    const format = String(s.format || "csv").toLowerCase();
    form.querySelectorAll('input[name="format"]').forEach((r) => { r.checked = r.value === format; });

    const r = s.recurrence || {};
    document.getElementById("sch-name").value = s.name || "";
    type.value = r.type || "DAILY";
    if (r.time) document.getElementById("sch-time").value = r.time;
    scheduleForm.querySelectorAll('input[name="day"]').forEach((b) => { b.checked = (r.days || []).includes(b.value); });
    if (r.dayOfMonth) document.getElementById("sch-dom").value = r.dayOfMonth;
    document.getElementById("sch-cron").value = r.cron || "";
    document.getElementById("sch-zone").value = s.timeZone || "";
    document.getElementById("sch-recipients").value = (s.recipients || []).join(", ");
    document.getElementById("schedule-title").textContent = `Edit the schedule “${s.name}”`;
    document.getElementById("schedule-open").textContent = "Edit the schedule…";
  }

  async function loadScheduleToEdit() {
    const id = new URLSearchParams(location.search).get("schedule");
    if (!id) return;
    const result = await lp.api("GET", `/api/leads/import-export/schedules/${encodeURIComponent(id)}`);
    if (!result.ok) {
      lp.say(document.getElementById("schedule-message"), lp.problemMessage(result, "The schedule could not be loaded."), "error");
      return;
    }
    editing = result.data;
    applySchedule(editing);
    refresh();
    openDialog();
  }
  // ---- background export: the server writes the file, the page follows the job and offers the download --------------
  const background = document.getElementById("export-background");
  const backgroundMessage = document.getElementById("background-message");
  background.addEventListener("click", async () => {
    const params = query();
    if (!params.get("fields")) {
      lp.say(backgroundMessage, "Choose at least one column first.", "error");
      return;
    }
    const started = await lp.api("POST", "/api/leads/import-export/exports?" + params);
    if (!started.ok) {
      lp.say(backgroundMessage, lp.problemMessage(started, "The export could not be started."), "error");
      return;
    }
    const self = started.data.links.self;
    lp.say(backgroundMessage, "The export runs in the background; you get a mail when it is ready.", "ok");
    const follow = async () => {
      const job = await lp.api("GET", self);
      if (!job.ok) return;
      if (job.data.status === "COMPLETED") {
        backgroundMessage.textContent = `The file is ready (${job.data.rows} leads): `;
        backgroundMessage.append(lp.el("a", { href: job.data.links.file, text: job.data.fileName }));
      } else if (job.data.status === "FAILED") {
        lp.say(backgroundMessage, job.data.error || "The export failed.", "error");
      } else {
        lp.say(backgroundMessage, `The export runs in the background (${job.data.progress} %); you get a mail when it is ready.`, "ok");
        setTimeout(follow, 2000);
      }
    };
    setTimeout(follow, 1000);
  });

  /** The filters the leads list was showing ("Export these leads"), put on this page when it opens. */
  function applyListFilter() {
    const given = new URLSearchParams(location.search);
    if (given.get("schedule")) return;
    const statuses = given.getAll("status");
    form.querySelectorAll('input[name="status"]').forEach((b) => { b.checked = statuses.includes(b.value); });
    const owner = document.getElementById("ex-owner");
    const wanted = given.get("owner");
    if (wanted) {
      const option = [...owner.options].find((o) => o.dataset.id === wanted || o.value === wanted);
      if (option) owner.value = option.value;
    }
    for (const [name, id] of [["source", "ex-source"], ["q", "ex-q"], ["createdFrom", "ex-from"], ["createdTo", "ex-to"]]) {
      if (given.get(name)) document.getElementById(id).value = given.get(name);
    }
  }

  /** "Back to the leads list" shows the list with the filters chosen here. */
  function updateBackLink() {
    const back = document.getElementById("export-back");
    if (!back) return;
    const params = new URLSearchParams();
    for (const b of form.querySelectorAll('input[name="status"]:checked')) params.append("status", b.value);
    const owner = document.getElementById("ex-owner");
    if (owner.value && owner.selectedOptions[0].dataset.id) params.set("owner", owner.selectedOptions[0].dataset.id);
    for (const [name, id] of [["q", "ex-q"], ["source", "ex-source"], ["createdFrom", "ex-from"], ["createdTo", "ex-to"]]) {
      const value = document.getElementById(id).value.trim();
      if (value) params.set(name, value);
    }
    back.href = "/leads" + (params.toString() ? "?" + params : "");
  }

  applyListFilter();
  refresh();
  loadScheduleToEdit();
})();
