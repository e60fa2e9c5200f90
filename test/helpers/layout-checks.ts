import type { Page } from "playwright-core";

/** English words a business owner must never read on a page (code words and tool jargon). */
export const ENGLISH_WORDS = [
  "check",
  "checks",
  "passed",
  "failed",
  "warned",
  "profile",
  "engine",
  "pattern",
  "threshold",
  "true",
  "false",
  "null",
  "undefined",
  "evaluate",
  "not_evaluated",
] as const;

/** Where the page's layout does not hold at its current width; empty when it holds. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${Array.from(el.classList).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const scrollsVisibly = (el: Element) => {
      for (let at: Element | null = el; at; at = at.parentElement) {
        if (at.classList.contains("lab-table-wrap")) {
          const style = getComputedStyle(at);
          return style.overflowX === "auto" || style.overflowX === "scroll";
        }
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || getComputedStyle(el).visibility === "hidden") continue;
      if (rect.right > width + 1 && !scrollsVisibly(el)) problems.push(`wider than the screen: ${describe(el)}`);
      const style = getComputedStyle(el);
      const clips = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
      if (clips && el.scrollWidth > el.clientWidth + 1) problems.push(`text clipped: ${describe(el)}`);
    }
    // Chart text stays inside its drawing.
    for (const svg of Array.from(document.querySelectorAll("svg"))) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0) continue;
      for (const text of Array.from(svg.querySelectorAll("text"))) {
        const r = text.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          problems.push(`chart text clipped: "${text.textContent}"`);
      }
    }
    // A word broken inside itself: a run of letters and digits whose pieces lie on two lines.
    const walker = document.createTreeWalker(document.querySelector("main") ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("svg, .lab-hash, .lab-keys, pre, code")) continue;
      if (parent.getClientRects().length === 0) continue;
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        const at = match.index ?? 0;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + match[0].length);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`word broken: "${match[0]}" in ${describe(parent)}`);
      }
    }
    return problems;
  });
}

/** The English words of `ENGLISH_WORDS` a reader sees on the page (check ids and hashes excepted). */
export async function englishWordsOn(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of Array.from(clone.querySelectorAll(".lab-keys, .lab-hash, script, style"))) el.remove();
    document.body.append(clone);
    clone.style.position = "absolute";
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, not the DOM's text.
    const seen = clone.innerText;
    clone.remove();
    return seen;
  });
  const words = new Set(text.toLowerCase().match(/[\p{L}_]+/gu) ?? []);
  return ENGLISH_WORDS.filter((w) => words.has(w));
}

/** How far down the page (in screens of the viewport's height) an element ends. */
export async function screensTo(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return Number.POSITIVE_INFINITY;
    return (el.getBoundingClientRect().bottom + window.scrollY) / window.innerHeight;
  }, selector);
}
