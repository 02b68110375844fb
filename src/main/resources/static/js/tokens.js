// Settings: the user's personal API tokens through the JSON API. The secret is shown once, right after creation.
(() => {
  const lp = window.leadport;
  const table = document.querySelector("#tokens-table tbody");
  if (!table) return;
  const message = document.getElementById("tokens-message");
  const when = (t) => (t ? new Date(t).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "never");

  async function load() {
    const result = await lp.api("GET", "/api/tokens");
    table.replaceChildren();
    if (!result.ok) {
      lp.say(message, lp.problemMessage(result), "error");
      return;
    }
    if (!result.data.length) {
      table.append(lp.el("tr", {}, lp.el("td", { colspan: 7, text: "No tokens yet." })));
      return;
    }
    for (const t of result.data) {
      const revoke = t.state === "ACTIVE"
        ? lp.el("button", { type: "button", class: "danger", "aria-label": `Revoke ${t.name}`, text: "Revoke" })
        : null;
      if (revoke) {
        revoke.addEventListener("click", async () => {
          const done = await lp.api("DELETE", `/api/tokens/${t.id}`);
          lp.say(message, done.ok ? `Token “${t.name}” revoked: it opens nothing any more.` : lp.problemMessage(done),
            done.ok ? "ok" : "error");
          load();
        });
      }
      table.append(lp.el("tr", {},
        lp.el("th", { scope: "row", text: t.name }),
        lp.el("td", {}, lp.el("code", { text: t.hint })),
        lp.el("td", { text: t.scopes.join(", ") }),
        lp.el("td", { text: when(t.expiresAt) }),
        lp.el("td", { text: t.lastUsedAt ? `${when(t.lastUsedAt)} from ${t.lastUsedAddress}` : "never" }),
        lp.el("td", { text: t.state.toLowerCase() }),
        lp.el("td", {}, revoke)));
    }
  }

  const form = document.getElementById("token-form");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = document.getElementById("token-error");
    const scopes = [...document.querySelectorAll(".token-scope:checked")].map((c) => c.value);
    const body = {
      name: document.getElementById("token-name").value.trim(),
      scopes,
      expiresInDays: Number(document.getElementById("token-days").value) || null,
    };
    const result = await lp.api("POST", "/api/tokens", body);
    if (!result.ok) {
      lp.say(error, lp.problemMessage(result), "error");
      return;
    }
    lp.say(error, "");
    document.getElementById("token-secret-value").textContent = result.data.secret;
    document.getElementById("token-secret").hidden = false;
    form.reset();
    load();
  });

  load();
})();
