// Settings: notification preference, custom fields (ADMIN) and users and roles (ADMIN) through the JSON API.
(() => {
  const lp = window.leadport;
  const done = (what, anchor) => location.assign(`/settings?done=${what}#${anchor}`);

  const prefs = document.getElementById("preferences-form");
  prefs.addEventListener("submit", async (event) => {
    event.preventDefault();
    const message = document.getElementById("preferences-message");
    const notifyByEmail = document.getElementById("notify-by-email").checked;
    const result = await lp.api("PUT", "/api/users/me/preferences", { notifyByEmail });
    lp.say(message, result.ok
      ? (notifyByEmail ? "Saved: you will get an email when your jobs finish." : "Saved: you will not get emails about your jobs.")
      : lp.problemMessage(result), result.ok ? "ok" : "error");
  });

  const form = document.getElementById("field-form");
  if (form) {
    const id = document.getElementById("field-id");
    const label = document.getElementById("field-label");
    const key = document.getElementById("field-key");
    const type = document.getElementById("field-type");
    const options = document.getElementById("field-options");
    const required = document.getElementById("field-required");
    const error = document.getElementById("field-error");
    const heading = document.getElementById("field-form-heading");
    const submit = document.getElementById("field-submit");
    const cancel = document.getElementById("field-cancel");
    let keyTouched = false;

    const showOptions = () => (document.getElementById("field-options-field").hidden = type.value !== "CHOICE");
    type.addEventListener("change", showOptions);
    key.addEventListener("input", () => (keyTouched = true));
    label.addEventListener("input", () => {
      if (!keyTouched && !id.value) {
        key.value = label.value.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").replace(/^([0-9])/, "f_$1");
      }
    });

    function reset() {
      form.reset();
      id.value = "";
      keyTouched = false;
      key.readOnly = false;
      heading.textContent = "Add a custom field";
      submit.textContent = "Add field";
      cancel.hidden = true;
      lp.say(error, "");
      showOptions();
    }
    cancel.addEventListener("click", reset);

    document.getElementById("fields-table").addEventListener("click", (event) => {
      const row = event.target.closest("tr");
      if (event.target.matches(".field-edit")) {
        id.value = row.dataset.id;
        label.value = row.dataset.label;
        key.value = row.dataset.key;
        key.readOnly = true;
        type.value = row.dataset.type;
        options.value = row.dataset.options || "";
        required.checked = row.dataset.required === "true";
        heading.textContent = `Edit “${row.dataset.label}”`;
        submit.textContent = "Save field";
        cancel.hidden = false;
        showOptions();
        label.focus();
      } else if (event.target.matches(".field-delete")) {
        confirmDelete(row);
      }
    });

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!label.value.trim() || !key.value.trim()) {
        lp.say(error, "Give the field a label and a key.", "error");
        (label.value.trim() ? key : label).focus();
        return;
      }
      if (!key.checkValidity()) {
        lp.say(error, "The key must start with a letter and hold only letters, digits and _.", "error");
        key.focus();
        return;
      }
      const opts = options.value.split("\n").map((o) => o.trim()).filter(Boolean);
      if (type.value === "CHOICE" && opts.length === 0) {
        lp.say(error, "A choice field needs at least one allowed value.", "error");
        options.focus();
        return;
      }
      const body = { key: key.value.trim(), label: label.value.trim(), type: type.value, options: type.value === "CHOICE" ? opts : [], required: required.checked };
      const result = id.value
        ? await lp.api("PUT", `/api/custom-fields/${id.value}`, body)
        : await lp.api("POST", "/api/custom-fields", body);
      if (result.ok) done(id.value ? "field-saved" : "field-created", "custom-fields");
      else lp.say(error, lp.problemMessage(result, "The field could not be saved."), "error");
    });
    showOptions();
  }

  const dialog = document.getElementById("confirm-dialog");
  let deleting = null;
  function confirmDelete(row) {
    deleting = row;
    document.getElementById("confirm-text").textContent =
      `The field “${row.dataset.label}” and its values on every lead will be removed. This cannot be undone.`;
    dialog.showModal();
  }
  document.getElementById("confirm-no").addEventListener("click", () => dialog.close());
  document.getElementById("confirm-yes").addEventListener("click", async () => {
    const result = await lp.api("DELETE", `/api/custom-fields/${deleting.dataset.id}`);
    dialog.close();
    if (result.ok) done("field-deleted", "custom-fields");
    else lp.say(document.getElementById("field-error"), lp.problemMessage(result), "error");
  });

  const users = document.getElementById("users-table");
  if (users) {
    const message = document.getElementById("users-message");
    users.addEventListener("click", async (event) => {
      if (!event.target.matches(".user-save")) return;
      const row = event.target.closest("tr");
      const name = row.querySelector("th").textContent;
      const body = {
        email: row.dataset.email || null,
        displayName: row.dataset.name || null,
        role: row.querySelector(".user-role").value,
        enabled: row.querySelector(".user-enabled").checked,
      };
      const result = await lp.api("PUT", `/api/users/${row.dataset.id}`, body);
      lp.say(message, result.ok ? `Saved ${name}: ${body.role}, ${body.enabled ? "may sign in" : "cannot sign in"}.` : lp.problemMessage(result), result.ok ? "ok" : "error");
    });

    document.getElementById("user-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const error = document.getElementById("user-error");
      const value = (id) => document.getElementById(id).value.trim();
      if (!value("new-username") || value("new-password").length < 4) {
        lp.say(error, "A user needs a username and a password of at least 4 characters.", "error");
        return;
      }
      const result = await lp.api("POST", "/api/users", {
        username: value("new-username"),
        displayName: value("new-name") || null,
        email: value("new-email") || null,
        password: document.getElementById("new-password").value,
        role: value("new-role"),
      });
      if (result.ok) done("user-created", "users-heading");
      else lp.say(error, lp.problemMessage(result, "The user could not be added."), "error");
    });
  }
})();

// Scheduled exports and the mail outbox.
(() => {
  const lp = window.leadport;
  const base = "/api/leads/import-export/schedules";
  const tbody = document.querySelector("#schedules-table tbody");
  const message = document.getElementById("schedules-message");
  const when = (t) => (t ? new Date(t).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "–");
  const cap = (s) => s.charAt(0) + s.slice(1).toLowerCase();

  function recurrence(s) {
    const r = s.recurrence || {};
    const at = r.time ? ` at ${r.time}` : "";
    const text = r.type === "DAILY" ? `Every day${at}`
      : r.type === "WEEKLY" ? `Every ${(r.days || []).map(cap).join(", ")}${at}`
      : r.type === "MONTHLY" ? `Monthly on day ${r.dayOfMonth}${at}`
      : `Cron “${r.cron}”`;
    return `${text} (${s.timeZone}), ${String(s.format).toUpperCase()}`;
  }

  async function load() {
    const result = await lp.api("GET", base);
    if (!result.ok) {
      tbody.replaceChildren(lp.el("tr", {}, lp.el("td", { colspan: 6, text: lp.problemMessage(result, "Schedules could not be loaded.") })));
      return;
    }
    const items = Array.isArray(result.data) ? result.data : result.data.items || [];
    tbody.replaceChildren(...(items.length ? items.map((s) => lp.el("tr", { "data-id": s.id, "data-name": s.name },
      lp.el("th", { scope: "row", text: s.name }),
      lp.el("td", { text: recurrence(s) }),
      lp.el("td", { text: s.paused ? "Paused" : when(s.nextRunAt) }),
      lp.el("td", { class: "wrap", text: (s.recipients || []).join(", ") || "nobody (file kept for download)" }),
      lp.el("td", {}, lp.el("span", { class: "badge-status " + (s.paused ? "badge-cancelled" : "badge-completed"), text: s.paused ? "PAUSED" : "ACTIVE" })),
      lp.el("td", {},
        lp.el("button", { type: "button", class: s.paused ? "schedule-resume" : "schedule-pause", "aria-label": `${s.paused ? "Resume" : "Pause"} ${s.name}`, text: s.paused ? "Resume" : "Pause" }), " ",
        lp.el("a", { href: `/export?schedule=${s.id}`, class: "button", "aria-label": `Edit ${s.name}`, text: "Edit" }), " ",
        lp.el("button", { type: "button", class: "schedule-runs", "aria-label": `Runs of ${s.name}`, text: "Runs" }), " ",
        lp.el("button", { type: "button", class: "schedule-delete", "aria-label": `Delete ${s.name}`, text: "Delete" })))) :
      [lp.el("tr", {}, lp.el("td", { colspan: 6, text: "No scheduled exports yet." }))]));
  }

  tbody.addEventListener("click", async (e) => {
    const row = e.target.closest("tr");
    if (!row || !e.target.matches("button")) return;
    const id = row.dataset.id;
    const name = row.dataset.name;
    if (e.target.matches(".schedule-runs")) {
      const result = await lp.api("GET", `${base}/${id}/runs`);
      const runs = result.ok ? (Array.isArray(result.data) ? result.data : result.data.items || []) : [];
      document.getElementById("runs-heading").textContent = `Runs of “${name}”`;
      document.getElementById("runs-list").replaceChildren(...(runs.length ? runs.map((r) => lp.el("li", {},
        `${when(r.scheduledFor)}: ${r.status}${r.rows != null ? `, ${lp.number(r.rows)} rows` : ""}${r.error ? ` (${r.error})` : ""} `,
        r.fileId ? lp.el("a", { href: `${base}/${id}/runs/${r.id}/file`, download: "", text: `Download ${r.fileName || "the file"}` }) : null)) :
        [lp.el("li", { text: result.ok ? "It has not run yet." : lp.problemMessage(result) })]));
      document.getElementById("schedule-runs").hidden = false;
      document.getElementById("runs-heading").focus();
      return;
    }
    let result;
    if (e.target.matches(".schedule-delete")) result = await lp.api("DELETE", `${base}/${id}`);
    else if (e.target.matches(".schedule-pause")) result = await lp.api("POST", `${base}/${id}/pause`);
    else if (e.target.matches(".schedule-resume")) result = await lp.api("POST", `${base}/${id}/resume`);
    else return;
    const verb = e.target.matches(".schedule-delete") ? "deleted" : e.target.matches(".schedule-pause") ? "paused" : "resumed";
    lp.say(message, result.ok ? `“${name}” ${verb}.` : lp.problemMessage(result), result.ok ? "ok" : "error");
    await load();
  });

  async function loadOutbox() {
    const body = document.querySelector("#outbox-table tbody");
    const result = await lp.api("GET", "/api/notifications/outbox?size=20");
    if (!result.ok) {
      body.replaceChildren(lp.el("tr", {}, lp.el("td", { colspan: 5, text: lp.problemMessage(result, "The outbox could not be loaded.") })));
      return;
    }
    const mails = Array.isArray(result.data) ? result.data : result.data.items || [];
    body.replaceChildren(...(mails.length ? mails.map((m) => lp.el("tr", {},
      lp.el("td", { text: when(m.createdAt) }),
      lp.el("td", { class: "wrap", text: m.recipient }),
      lp.el("td", { text: m.subject }),
      lp.el("td", { text: m.status + (m.lastError ? ` (${m.lastError})` : "") }),
      lp.el("td", {}, lp.el("details", {}, lp.el("summary", { text: "Show" }), lp.el("p", { class: "error-log", text: m.body || "" }))))) :
      [lp.el("tr", {}, lp.el("td", { colspan: 5, text: "No mails." }))]));
  }

  load();
  loadOutbox();
})();
