import io
import pytest
from django.core.management import CommandError, call_command
from statements.harvest.models import HarvestItem, HarvestRun

pytestmark = pytest.mark.django_db

def harvest(*args):
    out = io.StringIO()
    try:
        call_command("harvest_press_releases", *args, "--no-progress", stdout=out, stderr=out)
    except CommandError as exc:
        return exc.returncode, out.getvalue() + str(exc)
    return 0, out.getvalue()

def test_smoke(harvest_settings, site):
    code, out = harvest("--since", "2016-01-01")
    print(code, out)
    print([(i.url, i.outcome, i.message[:100]) for i in HarvestItem.objects.all()])
    print([p for p, _ in site.requests])
    code, out = harvest("--new")
    print(code, out)
    print([p for p, _ in site.requests])
    assert 0
