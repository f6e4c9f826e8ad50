"""The GitHub Actions workflows: valid workflow syntax (check-jsonschema's bundled schema, offline),
pinned actions, and the jobs the project relies on (checks on pull requests, publishing from main)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES_ACTIONS = {"actions/checkout", "actions/setup-python", "actions/configure-pages",
                 "actions/upload-pages-artifact", "actions/deploy-pages"}
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


def test_workflows_are_valid_github_actions_syntax():
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_linting_catches_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "checks.yml").read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1),
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(broken)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


@pytest.mark.parametrize("name", ["checks.yml", "publish.yml"])
def test_every_action_is_pinned_to_a_commit_with_its_version(name: str):
    lines = [line for line in (WORKFLOWS / name).read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    unpinned = [line.strip() for line in lines if not PINNED.match(line)]
    assert not unpinned, f"pin to a full commit SHA with a '# vX.Y.Z' comment: {unpinned}"
    for line in lines:
        assert PINNED.match(line)["action"] in PAGES_ACTIONS  # only GitHub's own actions


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
