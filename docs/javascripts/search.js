/* Search: the header's search link opens a dialog (also / or s) that asks Pagefind's index.
 *
 * Progressive enhancement: without this script the link leads to the search page, which lists every
 * way into the site. Pagefind's engine and index chunks are fetched on first open, never with a page
 * view. Results are built as DOM nodes (text and <mark> only), so nothing in the index can add
 * elements or run code.
 */
(() => {
  const dialog = document.querySelector("dialog.x-search")
  const opener = document.querySelector(".x-search-open")
  if (!dialog || !opener || typeof dialog.showModal !== "function") return

  const input = dialog.querySelector(".x-search__input")
  const list = dialog.querySelector(".x-search__results")
  const status = dialog.querySelector(".x-search__status")
  const bundle = new URL(dialog.dataset.bundle, location.href)
  const MAX_PAGES = 6        // pages asked for their data per query: each is a fetch of the page's text
  const MAX_ITEMS = 3        // events (or terms) shown from one timeline (or the glossary)
  const ITEM_ELEMENTS = new Set(["h3", "dt"])  // what `item` (overrides/main.html) applies to
  const UNAVAILABLE = "Search could not be loaded. Try again, or use the lists on the search page."
  let engine = null          // Pagefind's module, once loaded
  let failures = 0           // a failed import is remembered by its address: a retry asks for another
  let latest = 0             // the newest query's number: answers to older ones are dropped

  function load() {
    const address = new URL(failures ? `pagefind.js?retry=${failures}` : "pagefind.js", bundle)
    engine ??= import(address.href).then(async pagefind => {
      // Term frequency counts half: a gathering page that repeats a name (the quotes) must not outrank
      // the person's own page, where the name is weighted highest (hooks/render/search_hints.py).
      await pagefind.options({ excerptLength: 22, ranking: { termFrequency: 0.5 } })
      await pagefind.init()
      return pagefind
    }).catch(error => {
      engine = null  // the next search tries again (a dropped connection need not last)
      failures += 1
      throw error
    })
    return engine
  }

  function open(query) {
    if (!dialog.open) dialog.showModal()
    if (query) input.value = query
    input.focus()
    input.select()
    load().catch(() => { status.textContent = UNAVAILABLE })
    if (input.value.trim()) search()
  }

  /* An excerpt from Pagefind -> text nodes and <mark> elements. Pagefind escapes only < and > in the
     page's text and adds <mark> around matches, so undoing exactly that gives back the text. */
  function excerpt(html) {
    const paragraph = document.createElement("p")
    paragraph.className = "x-search__excerpt"
    let marked = false
    for (const part of html.split(/(<mark>|<\/mark>)/)) {
      if (part === "<mark>" || part === "</mark>") {
        marked = part === "<mark>"
        continue
      }
      const node = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
      if (marked) {
        const mark = document.createElement("mark")
        mark.append(node)
        paragraph.append(mark)
      } else paragraph.append(node)
    }
    return paragraph
  }

  /* Where a link to this page should land: the element with an id (a paragraph, a term, a section)
     that holds the strongest match; none, so the page's top, when that is in what comes before the
     first such element (the title, a person's names, the lede). Ties go to the earlier match. */
  function anchorOf(data) {
    const anchors = (data.anchors || []).filter(a => a.id).sort((a, b) => a.location - b.location)
    const strongest = (data.weighted_locations || []).reduce((best, word) =>
      (!best || word.weight > best.weight || (word.weight === best.weight && word.location < best.location) ? word : best), null)
    if (!strongest || !anchors.length || strongest.location < anchors[0].location) return null
    return anchors.filter(a => a.location <= strongest.location).pop()
  }

  /* One page's data -> the results to show: its events (from a timeline), a term, or the page. */
  function entries(data) {
    const kind = data.meta.kind || "Page"
    const page = data.url.replace(/#.*$/, "")
    if (data.meta.item) {
      const items = (data.sub_results || []).filter(sub => sub.anchor && ITEM_ELEMENTS.has(sub.anchor.element))
      if (items.length) {
        return items.slice(0, MAX_ITEMS).map(sub => ({ title: sub.title, kind: data.meta.item, url: sub.url, excerpt: sub.excerpt }))
      }
      const anchor = anchorOf(data)
      if (anchor && ITEM_ELEMENTS.has(anchor.element)) {
        return [{ title: anchor.text, kind: data.meta.item, url: `${page}#${anchor.id}`, excerpt: data.excerpt }]
      }
    }
    const anchor = anchorOf(data)
    const url = anchor ? `${page}#${anchor.id}` : page
    return [{ title: data.meta.title, kind, url, excerpt: data.excerpt }]
  }

  function show(results, query) {
    list.replaceChildren(...results.map(result => {
      const item = document.createElement("li")
      const link = document.createElement("a")
      link.className = "x-search__result"
      link.href = result.url
      const kind = document.createElement("span")
      kind.className = "x-search__kind"
      kind.textContent = result.kind
      const title = document.createElement("span")
      title.className = "x-search__title"
      title.textContent = result.title
      link.append(kind, title, excerpt(result.excerpt || ""))
      link.addEventListener("click", () => dialog.close())  // a link to this same page only scrolls
      item.append(link)
      return item
    }))
    status.textContent = results.length
      ? `${results.length} result${results.length === 1 ? "" : "s"} for “${query}”`
      : `Nothing found for “${query}”.`
  }

  async function search() {
    const query = input.value.trim()
    const asked = ++latest
    if (!query) {
      list.replaceChildren()
      status.textContent = ""
      return
    }
    status.textContent = "Searching…"
    try {
      const pagefind = await load()
      const found = await pagefind.search(query)
      const pages = await Promise.all(found.results.slice(0, MAX_PAGES).map(result => result.data()))
      if (asked === latest) show(pages.flatMap(entries), query)
    } catch {
      if (asked === latest) status.textContent = UNAVAILABLE
    }
  }

  /* Keyboard: arrows move between the box and the results; Enter opens; Escape closes. */
  function links() { return [...list.querySelectorAll("a")] }
  dialog.addEventListener("keydown", event => {
    const all = links()
    const at = all.indexOf(document.activeElement)
    if (event.key === "Escape") {  // at once: a search box's own Escape would first only clear it
      event.preventDefault()
      dialog.close()
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return
      event.preventDefault()
      const step = event.key === "ArrowDown" ? 1 : -1
      const next = at + step
      if (next < 0) input.focus()
      else all[Math.min(next, all.length - 1)].focus()
    } else if (event.key === "Enter" && event.target === input && all.length) {
      event.preventDefault()
      all[0].click()
    } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus()  // typing on a result goes on typing in the box
    }
  })

  let pending = 0
  input.addEventListener("input", () => {
    clearTimeout(pending)
    pending = setTimeout(search, 120)
  })
  dialog.querySelector(".x-search__close").addEventListener("click", () => dialog.close())
  dialog.addEventListener("click", event => { if (event.target === dialog) dialog.close() })  // the backdrop
  dialog.addEventListener("close", () => opener.focus())
  opener.addEventListener("click", event => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return  // a new tab: the search page
    event.preventDefault()
    open()
  })
  document.addEventListener("keydown", event => {
    if (dialog.open || event.ctrlKey || event.metaKey || event.altKey || !["/", "s"].includes(event.key)) return
    const target = event.target
    // The closed dialog's own box may hold the focus until its close event has run: not the reader's typing.
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
    if (typing && !dialog.contains(target)) return
    event.preventDefault()
    open()
  })
  // The search page (docs/search.md) opens the search at once, with ?q= if given.
  if (document.querySelector("[data-x-search-page]")) open(new URLSearchParams(location.search).get("q") || "")
})()
