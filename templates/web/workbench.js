// c102 workbench: re-assess the edited description, jump to a diagnostic's line, save a copy.
// Plain JavaScript, no libraries and no network other than this server.
"use strict";

// The language selector in the top bar: choosing a language reloads the page in it.
(function () {
  const select = document.getElementById("lang-select");
  if (select) { select.addEventListener("change", () => { select.form.submit(); }); }
})();

(function () {
  const bench = document.querySelector(".workbench");
  if (!bench) { return; }
  // Messages in the page's language, written by the server into data-msg-* attributes.
  function say(key, values) {
    let out = bench.dataset["msg" + key] || key;
    for (const [name, value] of Object.entries(values || {})) { out = out.split("{" + name + "}").join(String(value)); }
    return out;
  }
  const slug = bench.dataset.slug;
  const text = document.getElementById("text");
  const gutter = document.getElementById("gutter");
  const status = document.getElementById("status");
  const live = document.getElementById("live");
  let sent = text.value;
  let pending = null;
  let timer = null;

  function renderGutter(marks) {
    const lines = text.value.split("\n").length;
    const out = [];
    for (let n = 1; n <= lines; n++) {
      const span = document.createElement("span");
      span.dataset.line = String(n);
      span.textContent = String(n);
      const mark = marks[n];
      if (mark) { span.className = "mark-" + mark.severity; span.title = mark.message; }
      out.push(span, document.createTextNode("\n"));
    }
    gutter.replaceChildren(...out);
    gutter.scrollTop = text.scrollTop;
  }

  function goTo(line, column) {
    const lines = text.value.split("\n");
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
    const length = (lines[line - 1] || "").length;
    const at = Math.min(start + Math.max(column - 1, 0), start + length);
    text.focus();
    text.setSelectionRange(at, start + length);
    text.scrollTop = Math.max(0, (line - 5) * 18);
  }

  async function reassess() {
    if (pending) { return pending; }
    const body = text.value;
    status.textContent = say("Assessing");
    pending = fetch("/country/" + encodeURIComponent(slug) + "/edit", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ text: body }),
    }).then(async (response) => {
      const data = await response.json();
      if (!response.ok) { status.textContent = data.error || say("Error", { status: response.status }); return; }
      sent = body;
      document.getElementById("results").innerHTML = data.results;
      document.getElementById("diagnostics").innerHTML = data.diagnostics;
      renderGutter(data.marks);
      status.textContent = say("Assessed", { ms: data.server_ms.toFixed(1) });
    }).catch(() => {
      status.textContent = say("Noanswer");
    }).finally(() => { pending = null; });
    return pending;
  }

  // Quick what-if: each key parameter's new value goes where the old one is written, then the
  // edited text is re-assessed like any edit (side by side with the file).
  const whatif = document.getElementById("whatif-form");
  if (whatif) {
    whatif.addEventListener("submit", (event) => {
      event.preventDefault();
      const note = document.getElementById("whatif-status");
      const lines = text.value.split("\n");
      const moved = [];
      let changed = 0;
      for (const input of whatif.querySelectorAll("input[data-line]")) {
        const written = input.dataset.written;
        const value = input.value.trim();
        if (value === written) { continue; }
        const i = Number(input.dataset.line) - 1;
        const start = Number(input.dataset.start);
        const line = lines[i] || "";
        if (line.slice(start, start + written.length) !== written) { moved.push(input.getAttribute("aria-label")); continue; }
        lines[i] = line.slice(0, start) + value + line.slice(start + written.length);
        input.dataset.written = value;
        input.classList.add("tried");
        changed += 1;
      }
      if (moved.length) {
        note.textContent = "The text was edited by hand: change " + moved.join("; ") + " in the description itself.";
        return;
      }
      if (!changed) { note.textContent = "No value changed."; return; }
      text.value = lines.join("\n");
      renderGutter({});
      note.textContent = "re-assessing…";
      reassess().then(() => { note.textContent = changed + " value" + (changed === 1 ? "" : "s") + " tried: see the verdicts beside."; });
    });
  }

  document.getElementById("edit-form").addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.id === "reset") { return; }
    event.preventDefault();
    reassess();
  });
  text.addEventListener("input", () => {
    renderGutter({});
    if (!live.checked) { return; }
    clearTimeout(timer);
    timer = setTimeout(reassess, 400);
  });
  text.addEventListener("scroll", () => { gutter.scrollTop = text.scrollTop; });
  text.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); reassess(); }
  });
  bench.addEventListener("click", async (event) => {
    const link = event.target.closest("a.goto");
    if (link) {
      event.preventDefault();
      goTo(Number(link.dataset.line), Number(link.dataset.column));
      return;
    }
    const out = event.target.closest("a.sync");
    if (out && text.value !== sent) {
      // Links show the edited state: send the latest text first.
      event.preventDefault();
      await reassess();
      window.location.href = out.href;
    }
  });
  bench.querySelectorAll("form.sync").forEach((form) => {
    form.addEventListener("submit", async (event) => {
      if (text.value === sent) { return; }
      event.preventDefault();
      await reassess();
      form.submit();
    });
  });

  document.getElementById("save-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = document.getElementById("save-name").value;
    const saveStatus = document.getElementById("save-status");
    const response = await fetch("/country/" + encodeURIComponent(slug) + "/save", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ name: name, text: text.value }),
    });
    const data = await response.json();
    if (response.ok) {
      saveStatus.replaceChildren(say("Saved", { file: data.file }) + " · ");
      const link = document.createElement("a");
      link.href = data.url;
      link.textContent = say("Open");
      saveStatus.append(link);
    } else {
      saveStatus.textContent = data.error;
    }
  });

  const params = new URLSearchParams(window.location.search);
  if (params.get("line")) { goTo(Number(params.get("line")), 1); }
})();
