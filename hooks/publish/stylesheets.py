"""Material's stylesheets, cut down to the rules this site's pages and scripts can use.

Material ships one stylesheet for every feature it has (content tabs, annotations, code blocks, its
own search, ...) and one with every colour palette: 150 KB that each page loads before it can paint,
more than half of a first page view. After every full build, a rule is dropped when no page and no
script could ever make it match: it names a class that no page's HTML and no script contains, an
element no page has, or a palette colour the config does not use; then the custom properties
(`--md-...`) that nothing refers to any more go too. The scripts count as they are (every word in
them), so classes that Material's JavaScript adds later (tooltips, the header's shadow, the table
wrappers) stay. Parsing and writing CSS is tinycss2's; the rule of what stays is here.

What it cannot see: a class a script builds from parts. Material 9.8.1 does that only for the tags
plugin (`md-tag--${type}`) and the repository's stars and forks (`md-source__fact--${kind}`), and this
site uses neither (overrides/partials/source.html turns the facts off). A feature that did would show
in tests/browser/test_browser_stylesheets.py, which compares the pages with Material's whole files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from tinycss2.ast import AtRule, Declaration, FunctionBlock, LiteralToken, Node, QualifiedRule, SquareBracketsBlock

_CLASSES = re.compile(r'class="([^"]*)"')  # how the theme and hooks/render/ write them: fast to find
# How HTML written by hand in docs/ may also write them: any case, any quotes or none (5 times slower).
_ANY_CLASSES = re.compile(r"""(?i:class)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TAGS = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_WORDS = re.compile(r"-*[A-Za-z_][\w-]*")
_VAR = re.compile(r"(?i:var)\(\s*(--[\w-]+)")
# Pseudo-classes that match when one of their selectors does; `:not()` matches when its selectors
# do not, so what it names is never required.
_ANY_OF = {"is", "where", "has", "matches", "-webkit-any", "-moz-any"}
_GROUPING = {"media", "supports", "container", "layer"}  # at-rules holding rules: trimmed inside
_DEFAULT_COLORS = {"scheme": "default", "primary": "indigo", "accent": "indigo"}  # Material's, for a key left out
# Elements a browser adds itself (a <table> written without <tbody> gets one).
_IMPLIED_TAGS = {"html", "head", "body", "tbody"}
_COLOR = "data-md-color-"  # Material's palette attributes: scheme, primary, accent


@dataclass
class UsedNames:
    """What the built site can match: classes and elements in its pages, every word of its scripts,
    the palette colours of the config, and the custom properties referred to outside Material's CSS."""
    classes: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=_IMPLIED_TAGS.copy)
    colors: dict[str, set[str]] = field(default_factory=dict)     # "scheme" -> {"default", "slate"}
    variables: set[str] = field(default_factory=set)

    def add_page(self, html: str, *, by_hand: bool = True) -> None:
        """A built page; `by_hand=False` for one whose every tag the theme or hooks/render/ wrote."""
        if by_hand:
            values = {"".join(forms) for forms in _ANY_CLASSES.findall(html)}
        else:
            values = set(_CLASSES.findall(html))
        for value in values:
            self.classes.update(value.split())
        self.tags.update(tag.lower() for tag in set(_TAGS.findall(html)))
        if "var(--" in html:  # an inline style using Material's colours
            self.variables.update(_VAR.findall(html))

    def add_script(self, script: str) -> None:
        # Every word, not only string literals: minified code builds class names in ways no pattern
        # follows, and a kept rule costs bytes while a lost one breaks a page.
        words = set(_WORDS.findall(script))
        self.classes |= words
        self.tags |= {word.lower() for word in words}
        self.variables |= {word for word in words if word.startswith("--")}

    def add_stylesheet(self, css: str) -> None:
        """One of the site's own stylesheets: the custom properties it uses stay defined."""
        self.variables.update(_VAR.findall(css))

    def add_palette(self, palettes: dict | list[dict] | None) -> None:
        """theme.palette from mkdocs.yml (one palette, a list, or none): the colours Material can set,
        with its own default for any left out."""
        for palette in [palettes or {}] if not isinstance(palettes, list) else palettes or [{}]:
            for key, default in _DEFAULT_COLORS.items():
                value = palette.get(key) or default
                self.colors.setdefault(key, set()).add(str(value).replace(" ", "-").lower())
        self.colors["scheme"].add("default")  # the outdated-version banner's, whatever the palette


def trim(stylesheets: dict[str, str], used: UsedNames) -> dict[str, str]:
    """Each stylesheet (by name) without the rules `used` shows can never match, and without the
    custom properties nothing left refers to. Trimmed together: one sheet's properties (the
    palette's colours) are used by another's rules."""
    trimmed = {name: _trim_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used)
               for name, css in stylesheets.items()}
    _drop_unused_variables([rule for rules in trimmed.values() for rule in rules], used.variables)
    return {name: tinycss2.serialize(_drop_empty(rules)) for name, rules in trimmed.items()}


def _trim_rules(rules: list[Node], used: UsedNames) -> list[Node]:
    kept = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            selectors = [selector for selector in _split_commas(rule.prelude) if _can_match(selector, used)]
            if not selectors:
                continue
            rule.prelude = _join_commas(selectors)
            rule.content = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
        elif _is_group(rule):
            inner = _trim_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if not inner and not _kept_empty(rule):
                continue
            rule.content = inner
        kept.append(rule)
    return kept


def _can_match(selector: list[Node], used: UsedNames) -> bool:
    """Whether some page could have an element this selector matches."""
    previous = None
    for token in selector:
        if previous == "." and token.type == "ident":
            if token.value not in used.classes:
                return False
        elif token.type == "ident" and previous not in (".", ":") and token.lower_value not in used.tags:
            return False  # an element name
        elif isinstance(token, SquareBracketsBlock) and not _attribute_can_match(token, used):
            return False
        elif isinstance(token, FunctionBlock) and token.lower_name in _ANY_OF:
            if not any(_can_match(alternative, used) for alternative in _split_commas(token.arguments)):
                return False
        previous = token.value if isinstance(token, LiteralToken) else None
    return True


def _attribute_can_match(block: SquareBracketsBlock, used: UsedNames) -> bool:
    """[data-md-color-primary=red] matches only where the config has a red palette."""
    tokens = [token for token in block.content if token.type not in ("whitespace", "comment")]
    if len(tokens) != 3 or tokens[0].type != "ident" or getattr(tokens[1], "value", None) != "=":
        return True
    name, value = tokens[0].lower_value, tokens[2].value
    if not name.startswith(_COLOR) or name[len(_COLOR):] not in used.colors:
        return True
    return value.lower() in used.colors[name[len(_COLOR):]]


def _drop_unused_variables(rules: list[Node], outside: set[str]) -> None:
    """Remove `--name: ...` declarations that nothing refers to: not the rest of the CSS (any rule,
    @keyframes and the like included), not a property still kept, not `outside`; again until none
    goes, since a property may be used only by one that just went."""
    properties = [(rule, item) for rule, item in _declarations(rules) if item.name.startswith("--")]
    chosen = {id(item) for _, item in properties}
    everything_else = tinycss2.serialize(_without(rules, chosen))
    while True:
        referred = set(outside) | set(_VAR.findall(everything_else))
        for _, item in properties:
            referred.update(_VAR.findall(tinycss2.serialize(item.value)))
        unused = [(rule, item) for rule, item in properties if item.name not in referred]
        if not unused:
            return
        for rule, item in unused:
            rule.content.remove(item)
            properties.remove((rule, item))


def _without(rules: list[Node], left_out: set[int]) -> list[Node]:
    """The rules as they would serialize without the declarations whose id() is in `left_out`."""
    copies = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            rule = QualifiedRule(rule.source_line, rule.source_column, rule.prelude,
                                 [item for item in rule.content if id(item) not in left_out])
        elif _is_group(rule) and isinstance(rule.content, list):
            rule = AtRule(rule.source_line, rule.source_column, rule.at_keyword, rule.lower_at_keyword,
                          rule.prelude, _without(rule.content, left_out))
        copies.append(rule)
    return copies


def _drop_empty(rules: list[Node]) -> list[Node]:
    """Rules whose every declaration went, and groups whose every rule went, go too."""
    kept = []
    for rule in rules:
        if isinstance(rule, QualifiedRule) and not rule.content:
            continue
        if _is_group(rule):
            rule.content = _drop_empty(rule.content)
            if not rule.content and not _kept_empty(rule):
                continue
        kept.append(rule)
    return kept


def _declarations(rules: list[Node]) -> Iterator[tuple[QualifiedRule, Declaration]]:
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            yield from ((rule, item) for item in rule.content if isinstance(item, Declaration))
        elif _is_group(rule):
            yield from _declarations(rule.content)


def _is_group(rule: Node) -> bool:
    """@media, @supports, ... with a block of rules (content: tokens when parsed, rules once trimmed)."""
    return isinstance(rule, AtRule) and rule.content is not None and rule.lower_at_keyword in _GROUPING


def _kept_empty(group: AtRule) -> bool:
    """An @layer block stays even with no rules left: it also sets the order of the layers."""
    return group.lower_at_keyword == "layer"


def _split_commas(tokens: list[Node]) -> list[list[Node]]:
    parts: list[list[Node]] = [[]]
    for token in tokens:
        if isinstance(token, LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _join_commas(parts: list[list[Node]]) -> list[Node]:
    joined: list[Node] = []
    for part in parts:
        if joined:
            joined.append(LiteralToken(0, 0, ","))
        joined.extend(part)
    return joined


@dataclass(frozen=True)
class Trimmed:
    path: str
    before: int  # bytes
    after: int

    def __str__(self) -> str:
        return f"{Path(self.path).name} {self.before / 1000:.1f} -> {self.after / 1000:.1f} KB"


@dataclass(frozen=True)
class SiteAssets:
    """What the trimming writes and reads, from a build's files: Material's stylesheets (path in the
    site -> the theme's file), and the paths of the scripts and other stylesheets the site serves."""
    theme_stylesheets: dict[str, Path]
    scripts: list[str]           # the theme's that pages load (not its search worker or lunr), and all of docs/
    own_stylesheets: list[str]   # every stylesheet of docs/

    @classmethod
    def of(cls, files: Iterable, theme_dirs: Iterable[str]) -> SiteAssets:
        """From a build's files (MkDocs' File objects)."""
        dirs = [Path(folder) for folder in theme_dirs]

        theme: dict[str, Path] = {}  # path in the site -> the theme's file
        own: list[str] = []
        for file in files:
            source = Path(file.abs_src_path) if file.abs_src_path else None
            if source and any(source.is_relative_to(folder) for folder in dirs):
                theme[file.dest_uri] = source
            else:
                own.append(file.dest_uri)
        return cls(theme_stylesheets={path: source for path, source in theme.items()
                                      if path.startswith("assets/stylesheets/") and path.endswith(".css")},
                   scripts=[path for path in theme if path.startswith("assets/javascripts/") and path.count("/") == 2
                            and path.endswith(".js")] + [path for path in own if path.endswith(".js")],
                   own_stylesheets=[path for path in own if path.endswith(".css")])

    def write_stylesheets(self, site_dir: Path, used: UsedNames | None) -> list[Trimmed]:
        """Write each of Material's stylesheets into the built site in `site_dir`, trimmed to what `used`
        (the pages), the scripts and our own stylesheets can use; whole when `used` is None. Read from
        the theme every time, never from the last output. A trimmed sheet's source map described the
        whole file, so it goes."""
        originals = {path: source.read_text(encoding="utf-8") for path, source in self.theme_stylesheets.items()}
        if used is None:
            for path, css in originals.items():
                (site_dir / path).write_text(css, encoding="utf-8")
            return []
        for path in self.scripts:
            used.add_script(_served(site_dir / path))
        for path in self.own_stylesheets:
            used.add_stylesheet(_served(site_dir / path))
        report = []
        for path, css in trim(originals, used).items():
            (site_dir / path).write_text(css, encoding="utf-8")
            (site_dir / f"{path}.map").unlink(missing_ok=True)
            report.append(Trimmed(path, len(originals[path].encode()), len(css.encode())))
        return report


def _served(path: Path) -> str:
    """A file as the site serves it; nothing for one the build left out (a draft, an excluded file)."""
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
