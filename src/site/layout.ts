import { escapeHtml, userText } from "../report/html.js";
import { siteStylesheets } from "./site-assets.js";
import { relativeHref, sitePaths } from "./site-paths.js";

export interface Crumb {
  label: string;
  /** Site path; the current page has none. */
  to?: string;
}

export interface PageShell {
  /** This page's path from the site root. */
  path: string;
  title: string;
  crumbs: Crumb[];
  main: string;
  /** What is true for the data this page shows: the footer says it (`dataSentence`). */
  data: string;
}

/** Wraps a page's content in the lab's header, breadcrumbs and footer, in the Rijkshuisstijl. */
export function renderLayout(page: PageShell): string {
  const link = (to: string) => escapeHtml(relativeHref(page.path, to));
  const styles = siteStylesheets.map((name) => `<link rel="stylesheet" href="${link(sitePaths.asset(name))}">`);
  return `<!doctype html>
<html lang="nl" class="rhc-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${userText(page.title)} – Big Data Living Lab</title>
${styles.join("\n")}
</head>
<body class="utrecht-document lab-page">
<a class="nl-skip-link" href="#inhoud">Direct naar de inhoud</a>
<header class="lab-header">
<a class="lab-logo" href="${link(sitePaths.overview)}">
<span class="lab-logo__ribbon" aria-hidden="true"></span>
<span class="lab-logo__text"><span class="lab-logo__ministry">Ministerie van Justitie en Veiligheid</span><span class="lab-logo__lab">Big Data Living Lab</span></span>
</a>
<nav class="lab-nav" aria-label="Hoofdmenu">
<ul class="lab-nav__list">
<li><a class="lab-nav__link" href="${link(sitePaths.overview)}"${page.path === sitePaths.overview ? ' aria-current="page"' : ""}>Experimenten</a></li>
<li><a class="lab-nav__link" href="${link(sitePaths.templates)}"${page.path === sitePaths.templates ? ' aria-current="page"' : ""}>Sjablonen</a></li>
<li><a class="lab-nav__link" href="${link(sitePaths.lessons)}"${page.path === sitePaths.lessons ? ' aria-current="page"' : ""}>Lessen</a></li>
<li><a class="lab-nav__link" href="${link(sitePaths.index)}"${page.path === sitePaths.index ? ' aria-current="page"' : ""}>Index</a></li>
</ul>
</nav>
</header>
<div class="lab-container">
${renderCrumbs(page, link)}
<main id="inhoud" class="lab-main">
${page.main}
</main>
</div>
<footer class="lab-footer">
<div class="lab-container">
<p class="lab-footer__text">Big Data Living Lab · ministerie van Justitie en Veiligheid. ${escapeHtml(page.data)} Aantallen onder de 5 staan er als "&lt; 5"; persoonsgegevens zijn afgeschermd.</p>
</div>
</footer>
</body>
</html>
`;
}

function renderCrumbs(page: PageShell, link: (to: string) => string): string {
  if (page.crumbs.length === 0) return "";
  const items = page.crumbs.map((crumb) =>
    crumb.to
      ? `<li class="utrecht-breadcrumb-nav__item"><a class="utrecht-breadcrumb-nav__link" href="${link(crumb.to)}">${userText(crumb.label)}</a></li>`
      : `<li class="utrecht-breadcrumb-nav__item"><span class="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page">${userText(crumb.label)}</span></li>`,
  );
  return `<nav class="utrecht-breadcrumb-nav lab-crumbs" aria-label="Kruimelpad">
<ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
${items.join("\n")}
</ol>
</nav>`;
}
