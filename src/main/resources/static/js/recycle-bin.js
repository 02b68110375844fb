// Recycle bin: lists soft-deleted leads from the bulk API and restores the selected ones.
(() => {
  const lp = window.leadport;
  const section = document.getElementById("bin");
  const tbody = document.querySelector("#bin-table tbody");
  const table = document.getElementById("bin-table");
  const countText = document.getElementById("bin-count");
  const message = document.getElementById("bin-message");
  const restore = document.getElementById("bin-restore");
  const more = document.getElementById("bin-more");
  const selectAll = document.getElementById("bin-select-all");
  let next = null;

  const items = (data) => (Array.isArray(data) ? data : data.items || data.leads || []);
  const name = (l) => [l.firstName, l.lastName].filter(Boolean).join(" ") || l.email || l.phone || `Lead #${l.id}`;
  const day = (t) => (t ? String(t).slice(0, 16).replace("T", " ") : "");

  async function load(after) {
    section.setAttribute("aria-busy", "true");
    const result = await lp.api("GET", "/api/leads/bulk/recycle-bin" + (after ? "?after=" + encodeURIComponent(after) : ""));
    section.setAttribute("aria-busy", "false");
    if (!result.ok) {
      countText.textContent = result.status === 404 ? "The recycle bin is not available on this server." : lp.problemMessage(result);
      return;
    }
    if (!after) tbody.replaceChildren();
    for (const lead of items(result.data)) {
      tbody.append(lp.el("tr", {},
        lp.el("td", { class: "select-col" }, lp.el("input", { type: "checkbox", class: "bin-select", value: lead.id, "aria-label": "Select " + name(lead) })),
        lp.el("td", { text: name(lead) }),
        lp.el("td", { class: "wrap", text: lead.email || "" }),
        lp.el("td", { text: lead.company || "" }),
        lp.el("td", { text: lead.owner || "" }),
        lp.el("td", {}, lp.el("time", { datetime: lead.deletedAt || "", text: day(lead.deletedAt) })),
        lp.el("td", {}, lp.el("time", { datetime: lead.purgeAt || "", text: day(lead.purgeAt) }))));
    }
    next = result.data.nextCursor || null;
    more.hidden = !next;
    const shown = tbody.rows.length;
    table.hidden = shown === 0;
    countText.textContent = shown === 0 ? "The recycle bin is empty."
      : `${lp.number(shown)}${next ? "+" : ""} deleted ${shown === 1 ? "lead" : "leads"}.`;
    update();
  }

  function chosen() {
    return [...tbody.querySelectorAll("input.bin-select:checked")].map((b) => Number(b.value));
  }

  function update() {
    const n = chosen().length;
    restore.disabled = n === 0;
    restore.textContent = n ? `Restore ${n} selected` : "Restore selected";
  }

  tbody.addEventListener("change", update);
  selectAll.addEventListener("change", () => {
    tbody.querySelectorAll("input.bin-select").forEach((b) => (b.checked = selectAll.checked));
    update();
  });
  more.addEventListener("click", () => load(next));

  restore.addEventListener("click", async () => {
    const ids = chosen();
    restore.disabled = true;
    const result = await lp.api("POST", "/api/leads/bulk/restore", { ids });
    if (!result.ok) {
      lp.say(message, lp.problemMessage(result, "The leads could not be restored."), "error");
      update();
      return;
    }
    const results = result.data.results || [];
    const failed = results.filter((r) => !/RESTORED|UPDATED/.test(r.result));
    let text = `Restored ${ids.length - failed.length} of ${ids.length} ${ids.length === 1 ? "lead" : "leads"}.`;
    if (failed.length) text += " Not restored: " + failed.map((r) => `#${r.id} ${r.result}${r.message ? " (" + r.message + ")" : ""}`).join("; ");
    lp.say(message, text, failed.length ? "error" : "ok");
    selectAll.checked = false;
    await load();
  });

  load();
})();
