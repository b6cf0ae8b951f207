"""docker-compose.yml works as written: one migrate step, volumes the image's user can write."""

from __future__ import annotations

import configparser
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def command(service: dict) -> str:
    found = service.get("command", "")
    return " ".join(found) if isinstance(found, list) else found


def test_only_the_migrate_service_migrates_and_the_others_wait_for_it():
    migrating = [name for name, s in SERVICES.items() if "migrate" in command(s).split()]
    assert migrating == ["migrate"]
    users = [n for n, s in SERVICES.items() if "DATABASE_URL" in s.get("environment", {})]
    for name in set(users) - {"migrate"}:
        assert SERVICES[name]["depends_on"] == {
            "migrate": {"condition": "service_completed_successfully"}
        }, name


def test_the_image_owns_the_folders_its_volumes_start_from():
    dockerfile = (ROOT / "Dockerfile").read_text()
    mounts = {
        volume.split(":")[1]
        for service in SERVICES.values()
        if service.get("build")
        for volume in service.get("volumes", [])
    }
    assert mounts == {"/srv/search-index", "/dumps"}
    assert "chown archive:archive /srv/search-index /dumps" in dockerfile
    assert dockerfile.index("chown") < dockerfile.index("USER archive")


def test_index_mounts_are_writable_for_tantivy_s_reader_lock():
    """A read-only mount makes tantivy's readers fail (they take .tantivy-meta.lock)."""
    for name, service in SERVICES.items():
        for volume in service.get("volumes", []):
            if volume.startswith("searchindex:"):
                assert not volume.endswith(":ro"), name


def test_run_indexer_is_restarted_by_compose_and_by_systemd():
    """Issue 24: outside Docker nothing restarted run_indexer, and search went stale silently."""
    indexer = SERVICES["indexer"]
    assert command(indexer).split()[-1] == "run_indexer"
    assert indexer["restart"] in ("always", "unless-stopped")
    unit = configparser.ConfigParser(interpolation=None)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read_string((ROOT / "deploy" / "un-indexer.service").read_text())
    service = unit["Service"]
    assert service["ExecStart"].split()[-2:] == ["manage.py", "run_indexer"]
    assert service["Restart"] == "always" and float(service["RestartSec"]) > 0
    assert unit["Install"]["WantedBy"] == "multi-user.target"
