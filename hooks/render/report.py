"""How a reader reports a mistake, said once for the About page, the corrections page and the edit links.

The repository's address comes from the build (mkdocs.yml's repo_url, which CI sets from REPO_URL);
there is no known public address to fall back on, so without one the pages say what to do in words
and link nowhere.
"""

from __future__ import annotations

from hooks import urls
from hooks.render.html import link

REPORT_MARKER = "<!-- explainer:report-a-mistake -->"
ISSUE_FORM = "correction.yml"  # .github/ISSUE_TEMPLATE/correction.yml
EDIT_BRANCH = "main"  # the branch pull requests go to and the site is published from
# The data file behind each kind of generated page, by the page's folder or name (None: a page that
# gathers from many files, such as an index, whose own edit link would mislead).
_DATA_FILE_OF_FOLDER = {"articles": "data/articles/{}.md", "timelines": "data/timelines/{}.yml",
                        "people": "data/people.yml", "topics": "data/topics.yml"}
_DATA_FILE_OF_PAGE = {urls.GLOSSARY: "data/glossary.yml", urls.REFERENCES: "data/references.yml"}


def issue_form_url(repo_url: str) -> str:
    return f"{repo_url.rstrip('/')}/issues/new?template={ISSUE_FORM}"


def report_html(repo_url: str, here: str) -> str:
    """A paragraph telling a reader how to report a mistake, linking the issue form when there is a repository."""
    listed = "" if here == urls.CORRECTIONS else (
        f" Corrections are listed on the {link(urls.link(here, urls.CORRECTIONS), 'corrections page')}.")
    if repo_url:
        form = link(issue_form_url(repo_url), "report it on the project's issue tracker")
        return (f'<p class="x-report">Found a mistake? Please {form}: the form asks which page, what is wrong, and a '
                "source if you have one (it needs a GitHub account). Each page's edit button (✎) opens the data file "
                f"behind it, to propose the fix yourself.{listed}</p>")
    return ('<p class="x-report">Found a mistake? Please tell whoever published this copy of the site: name the page '
            "(its address), say what is wrong, and give a source if you have one. This copy was built without the "
            f"address of its repository, so it has no report form or edit links.{listed}</p>")


def data_file(src_uri: str) -> str | None:
    """The file in data/ a generated page is made from: what its edit link opens."""
    if src_uri in _DATA_FILE_OF_PAGE:
        return _DATA_FILE_OF_PAGE[src_uri]
    folder, _, rest = src_uri.partition("/")
    pattern = _DATA_FILE_OF_FOLDER.get(folder)
    if pattern is None or rest == "index.md":
        return None
    if folder in ("articles", "timelines") and "/" in rest:
        return None  # articles/years/<year>.md lists many articles
    return pattern.format(rest.removesuffix(".md"))  # people/<id>/<year>.md is still data/people.yml


def edit_url(repo_url: str, path: str) -> str:
    """GitHub's editor for a file of the repository (it offers a fork and pull request to those who cannot push)."""
    return f"{repo_url.rstrip('/')}/edit/{EDIT_BRANCH}/{path}"
