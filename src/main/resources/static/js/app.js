// Shared helpers for the pages' plain JavaScript. Values from the server are only ever set as text, never as HTML.

// Sends the CSRF token with every htmx request, so session-authenticated changes pass the CSRF check.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

window.leadport = {
  csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  },

  /** Calls the JSON API as the signed-in user; resolves to {ok, status, data} and never throws on HTTP errors. */
  async api(method, url, body) {
    const headers = { Accept: "application/json", ...this.csrfHeaders() };
    const init = { method, headers, credentials: "same-origin" };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (e) {
      return { ok: false, status: 0, data: { detail: "The server could not be reached. Check your connection and try again." } };
    }
    let data = null;
    const type = response.headers.get("Content-Type") || "";
    if (type.includes("json")) {
      data = await response.json().catch(() => null);
    }
    return { ok: response.ok, status: response.status, data, headers: response.headers };
  },

  /** The human sentence of a problem+json answer, with its field errors. */
  problemMessage(result, fallback) {
    const d = result && result.data;
    if (result && result.status === 403) {
      return (d && d.detail) || "You are not allowed to do this.";
    }
    if (!d) {
      return fallback || `The request failed (HTTP ${result ? result.status : "?"}).`;
    }
    let text = d.detail || d.title || fallback || "The request failed.";
    const errors = d.errors || d.fieldErrors;
    if (Array.isArray(errors) && errors.length) {
      // The detail often is the first error already ("file: The file cannot be read: ..."): say each sentence once.
      const extra = errors.map((e) => (e.field ? e.field + ": " : "") + (e.message || e.reason || ""))
        .filter((line) => !text.includes(line) && !text.includes(line.replace(/^[^:]+: /, "")));
      if (extra.length) text += " " + extra.join("; ");
    } else if (errors && typeof errors === "object") {
      text += " " + Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join("; ");
    }
    return text;
  },

  /** Shows a message in an alert element: kind is "error", "ok" or "info". Empty text hides it. */
  say(element, text, kind) {
    if (!element) return;
    element.textContent = text || "";
    element.hidden = !text;
    element.className = "alert alert-" + (kind || "info");
  },

  /** Creates an element with attributes and text or child nodes; text is never parsed as HTML. */
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  },

  /** Offers text as a file download (used for result lists the browser already has). */
  download(fileName, text, type) {
    const blob = new Blob([text], { type: type || "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  },

  csvLine(values) {
    return values
      .map((v) => {
        let s = v === null || v === undefined ? "" : String(v);
        if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
        return /[",\r\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
      })
      .join(",") + "\r\n";
  },

  number(n) {
    return n === null || n === undefined ? "–" : Number(n).toLocaleString("en");
  },

  duration(ms) {
    if (ms === null || ms === undefined || isNaN(ms)) return "–";
    const s = Math.round(ms / 1000);
    if (s < 60) return s + " s";
    const m = Math.floor(s / 60);
    return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
  },
};

// A table that scrolls sideways on a phone must be reachable by keyboard: its wrapper becomes a named, focusable
// region. Done for server-rendered, htmx-swapped and script-built tables alike.
(() => {
  function label(wraps) {
    for (const wrap of wraps) {
      if (wrap.hasAttribute("tabindex")) continue;
      const caption = wrap.querySelector("caption");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption && caption.textContent.trim() ? caption.textContent.trim() : "Table");
    }
  }
  const scan = () => label(document.querySelectorAll(".table-wrap"));
  document.addEventListener("DOMContentLoaded", () => {
    scan();
    new MutationObserver(scan).observe(document.body, { childList: true, subtree: true });
  });
})();
