"""The GitHub Actions workflows, dependabot and the issue form: valid (check-jsonschema's bundled schemas,
offline), pinned actions, and the jobs the project relies on (checks on pull requests with caches and
artifacts, publishing from main, the weekly reference-link check)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
GITHUB = ROOT / ".github"
WORKFLOW_NAMES = ["checks.yml", "publish.yml", "reference-links.yml"]
GITHUBS_OWN_ACTIONS = {"actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/cache",
                       "actions/upload-artifact", "actions/upload-pages-artifact", "actions/deploy-pages"}
PINNED = re.compile(r"^\s*(?:-\s+)?uses: (?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40}) # v\d+\.\d+\.\d+$")


def load(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def runs(job: dict) -> list[str]:
    return [step["run"] for step in steps(job) if "run" in step]


def uses(job: dict, action: str) -> dict:
    matches = [step for step in steps(job) if step.get("uses", "").startswith(f"{action}@")]
    assert len(matches) == 1, f"expected one step using {action}"
    return matches[0]


def lint(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True, timeout=120)


def test_workflows_are_valid_github_actions_syntax():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [path.name for path in files] == sorted(WORKFLOW_NAMES)
    result = lint("vendor.github-workflows", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_and_the_correction_form_are_valid():
    result = lint("vendor.dependabot", GITHUB / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {update["package-ecosystem"] for update in yaml.safe_load((GITHUB / "dependabot.yml").read_text())["updates"]}
    assert ecosystems == {"pip", "github-actions"}
    form = GITHUB / "ISSUE_TEMPLATE" / "correction.yml"
    result = lint("vendor.github-issue-forms", form)
    assert result.returncode == 0, result.stdout + result.stderr
    fields = {item["id"]: item for item in yaml.safe_load(form.read_text(encoding="utf-8"))["body"] if "id" in item}
    assert list(fields) == ["page", "problem", "source"]  # which page, what is wrong, a source
    assert fields["page"]["validations"]["required"] and fields["problem"]["validations"]["required"]


def test_linting_catches_a_broken_issue_form(tmp_path: Path):
    broken = tmp_path / "correction.yml"
    broken.write_text((GITHUB / "ISSUE_TEMPLATE" / "correction.yml").read_text(encoding="utf-8")
                      .replace("type: textarea", "type: essay", 1), encoding="utf-8")
    assert lint("vendor.github-issue-forms", broken).returncode == 1


def test_linting_catches_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "checks.yml").read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


@pytest.mark.parametrize("name", WORKFLOW_NAMES)
def test_every_action_is_pinned_to_a_commit_with_its_version(name: str):
    lines = [line for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    unpinned = [line.strip() for line in lines if not PINNED.match(line)]
    assert not unpinned, f"pin to a full commit SHA with a '# vX.Y.Z' comment: {unpinned}"
    for line in lines:
        assert PINNED.match(line)["action"] in GITHUBS_OWN_ACTIONS  # only GitHub's own actions


def test_pull_requests_run_make_check_and_make_test():
    workflow = load("checks.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    commands = [command for job in workflow["jobs"].values() for command in runs(job)]
    assert "make check" in commands and "make test" in commands
    test_job = next(job for job in workflow["jobs"].values() if "make test" in runs(job))
    assert test_job["timeout-minutes"] <= 90
    assert uses(test_job, "actions/checkout")["with"]["fetch-depth"] == 0  # history for "last changed"


def test_main_is_built_strictly_and_deployed_to_pages():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert uses(build, "actions/checkout")["with"]["fetch-depth"] == 0
    uses(build, "actions/setup-python")
    pages_step = uses(build, "actions/configure-pages")
    build_step = next(step for step in steps(build) if step.get("run") == "make build")
    assert build_step["env"]["SITE_URL"] == f"${{{{ steps.{pages_step['id']}.outputs.base_url }}}}/"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n\t.*mkdocs build --strict$", makefile, re.MULTILINE)
    assert "!ENV [SITE_URL" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert uses(build, "actions/upload-pages-artifact")["with"]["path"] == "site"  # mkdocs' site_dir
    order = steps(build)
    assert order.index(uses(build, "actions/upload-pages-artifact")) > order.index(build_step)
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    deployment = uses(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{deployment['id']}.outputs.page_url }}}}"
    assert workflow["permissions"] == {"contents": "read"}  # write access only where deploying needs it


def test_pull_requests_cache_pip_and_the_browser_packages_and_upload_the_site_and_screenshots():
    workflow = load("checks.yml")
    check_job = workflow["jobs"]["check"]
    assert uses(check_job, "actions/setup-python")["with"]["cache"] == "pip"
    test_job = next(job for job in workflow["jobs"].values() if "make test" in runs(job))
    caches = [step for step in steps(test_job) if step.get("uses", "").startswith("actions/cache@")]
    paths = {step["with"]["path"]: step["with"]["key"] for step in caches}
    assert "~/.cache/pip" in paths and "hashFiles('requirements*.txt')" in paths["~/.cache/pip"]
    assert "/var/cache/apt/archives/*.deb" in paths  # chromium and fonts-noto-cjk, kept by the step before
    assert any("Keep-Downloaded-Packages" in command for command in runs(test_job))
    order = steps(test_job)
    make_test = next(step for step in order if step.get("run") == "make test")
    assert all(order.index(step) < order.index(make_test) for step in caches)
    upload = uses(test_job, "actions/upload-artifact")
    assert upload["with"]["path"].split() == ["site/", "tests/artifacts/"]
    assert upload["if"] == "${{ !cancelled() }}"  # a failed test's screenshots are wanted most
    build = next(step for step in order if step.get("run") == "make build")
    assert order.index(make_test) < order.index(build) < order.index(upload)


def test_published_site_links_its_repository_from_github_context():
    build = load("publish.yml")["jobs"]["build"]
    env = next(step for step in steps(build) if step.get("run") == "make build")["env"]
    assert env["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert "repo_url: !ENV [REPO_URL, null]" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_reference_links_are_checked_weekly_and_dead_ones_reported_in_an_issue():
    workflow = load("reference-links.yml")
    assert "schedule" in workflow["on"] and workflow["permissions"] == {"contents": "read"}
    job = workflow["jobs"]["links"]
    assert job["permissions"]["issues"] == "write"
    commands = "\n".join(runs(job))
    assert "python -m hooks.reference_links data --report link-report.md" in commands
    assert "gh issue edit" in commands and "gh issue create" in commands and "--label dead-links" in commands
