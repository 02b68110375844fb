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
  refresh();
})();
