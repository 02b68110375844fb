// Sends the CSRF token with every htmx request, so session-authenticated changes pass the CSRF check.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// fetch() wrapper for the few plain-JS calls: same CSRF header, same-origin cookies.
window.leadport = {
  csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  },
};
