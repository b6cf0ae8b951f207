"""Create the local admin login once and print it (for the development set-up command)."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

PASSWORD_FILE = Path(settings.BASE_DIR) / ".pgdata-admin-password"


class Command(BaseCommand):
    help = "Create the superuser 'admin' with a random password if missing, and print the login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="Login name (default: admin)")
        parser.add_argument(
            "--site",
            default="http://127.0.0.1:8000",
            help="Address the site is served on, for the printed login URL",
        )

    def handle(self, *args, **options):
        username = options["username"]
        admin_url = options["site"].rstrip("/") + reverse("admin:index")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            saved = PASSWORD_FILE.read_text().strip() if PASSWORD_FILE.exists() else None
            hint = f"password {saved} (unless you changed it)" if saved else "password unchanged"
            self.stdout.write(f"Admin login: {admin_url}  user {username}  {hint}")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username, f"{username}@localhost", password)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        self.stdout.write(f"Admin login: {admin_url}  user {username}  password {password}")
