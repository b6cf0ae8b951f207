"""Settings for the UN statements archive: every environment differs only in its variables."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def weak_secret_key(key: str) -> bool:
    """Django's own test (check --deploy, security.W009): short, repetitive or a default."""
    return len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-")


DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
elif not DEBUG and weak_secret_key(SECRET_KEY):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use at least 50 random characters, e.g. "
        'python -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django_filters",
    "django_ratelimit",
    "csp",
    "corsheaders",
    "meetings",
    "statements",
    "statements.ingest",
    "statements.decisions",
    "statements.themes",
    "statements.harvest",
    "statements.search",
    "statements.publish",
    "statements.alignment",
    "statements.alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "config.nul_characters.RefuseNulMiddleware",  # before anything reads a parameter
    "statements.publish.api.middleware.ReadOnlyApiMiddleware",
    # Early: a refused request costs no session, CSRF or template work.
    "config.limits.RateLimitMiddleware",
    # Inside the rate limits: a 304 still counts, and carries the RateLimit headers.
    "statements.publish.conditional.ConditionalDataMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The interface language from the URL: /fr/... is French, unprefixed URLs stay English.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.public_urls.RequestOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.limits.StatementTimeoutMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "statements.search.index.middleware.SearchIndexUnavailableMiddleware",
]

# Open CORS for data out: the API, exports, feeds and dumps (django-cors-headers).
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/|statements/export\.|decisions/[a-z]+\.(csv|jsonl)$|feeds/|data/)"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "content-type",
    "if-none-match",
    "if-modified-since",
)
# What a script in another origin may read: paging, validators, rate limits (config/limits.py).
CORS_EXPOSE_HEADERS = (
    "Link",
    "ETag",
    "Last-Modified",
    "Retry-After",
    "RateLimit",
    "RateLimit-Policy",
)
CORS_PREFLIGHT_MAX_AGE = 86400

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.public_urls.template_context",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# Database: DATABASE_URL wins; without it, a project-local embedded PostgreSQL (pgserver).
if os.environ.get("DATABASE_URL"):
    DATABASE_URL = os.environ["DATABASE_URL"]
else:
    from config.embedded_postgres import embedded_database_url

    DATABASE_URL = embedded_database_url(Path(os.environ.get("PGDATA_DIR", BASE_DIR / ".pgdata")))

DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASES["default"].setdefault("OPTIONS", {})
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 5)
if env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS"):
    # Behind PgBouncer in transaction-pooling mode.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True

# Read replica: reads go there; writes and a user's fresh reads stay on the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = 5
    DATABASES["replica"]["DISABLE_SERVER_SIDE_CURSORS"] = DATABASES["default"].get(
        "DISABLE_SERVER_SIDE_CURSORS", False
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["config.db_routers.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("config.middleware.DatabaseUnavailableMiddleware"),
        "config.db_routers.PinPrimaryMiddleware",
    )

if os.environ.get("DJANGO_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["DJANGO_TEST_DB_NAME"]}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The search index (statements/search/index/): an embedded tantivy index in a folder of this
# machine. One writer (run_indexer, or the web process itself when
# SEARCH_INDEX_APPLY_ON_COMMIT is on: the default with DEBUG, for dev.py start, where each search
# first applies every committed outbox entry not applied yet); readers only read.
# Without SEARCH_INDEX_DIR, an embedded database in PGDATA_DIR gets its index beside it
# (var/pg-scale -> var/pg-scale-search-index), so an index never serves another database.
if os.environ.get("SEARCH_INDEX_DIR"):
    SEARCH_INDEX_DIR = Path(os.environ["SEARCH_INDEX_DIR"]).resolve()
elif os.environ.get("PGDATA_DIR"):
    _pgdata = Path(os.environ["PGDATA_DIR"]).resolve()
    SEARCH_INDEX_DIR = _pgdata.with_name(_pgdata.name + "-search-index")
else:
    SEARCH_INDEX_DIR = BASE_DIR / "var" / "search-index"
SEARCH_INDEX_APPLY_ON_COMMIT = env_bool("SEARCH_INDEX_APPLY_ON_COMMIT", default=DEBUG)
# What searches read: the live index on disk (the tests name their mirror: tests/search_mirror.py)
SEARCH_INDEX_READER = "statements.search.index.store.disk"
# This machine's name for its index in the indexer's status (admin, /readyz): the host name by
# default; give the web and indexer containers of one machine the same name.
SEARCH_INDEX_NODE = os.environ.get("SEARCH_INDEX_NODE", "")
# run_indexer retries database and disk errors after this many seconds, doubled each time.
INDEXER_BACKOFF_FIRST = float(os.environ.get("INDEXER_BACKOFF_FIRST", "1"))
INDEXER_BACKOFF_MAX = float(os.environ.get("INDEXER_BACKOFF_MAX", "60"))
# A slice of a large outbox entry applied per index commit (ordinary changes wait for one slice).
INDEXER_BATCH_STATEMENTS = int(os.environ.get("INDEXER_BATCH_STATEMENTS", "5000"))
# An indexer silent longer than this no longer holds outbox entries back (it rebuilds on return);
# run_indexer prunes what every live indexer has applied every INDEXER_PRUNE_SECONDS.
OUTBOX_CONSUMER_TIMEOUT_SECONDS = float(
    os.environ.get("OUTBOX_CONSUMER_TIMEOUT_SECONDS", str(7 * 86400))
)
INDEXER_PRUNE_SECONDS = float(os.environ.get("INDEXER_PRUNE_SECONDS", "300"))
# /readyz answers 503 when this machine's index is further behind than this, or when its
# run_indexer has not reported for this long (statements/search/index/health.py).
READY_MAX_INDEX_LAG_SECONDS = float(os.environ.get("READY_MAX_INDEX_LAG_SECONDS", "300"))
READY_MAX_INDEXER_SILENCE_SECONDS = float(os.environ.get("READY_MAX_INDEXER_SILENCE_SECONDS", "60"))
# /metrics (Prometheus text format) answers only with "Authorization: Bearer <METRICS_TOKEN>";
# unset, it answers 404.
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# Public pages are cached until the index's next commit, and at most this long (0: off).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The interface's languages. Another language is a catalogue (locale/<code>/LC_MESSAGES/django.po
# and its .mo) and a line here: URLs, the switch, hreflang and `dir` (right-to-left for Arabic,
# from Django's language info) follow. See "Languages" in the README.
LANGUAGES = [("en", "English"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = os.environ.get("DJANGO_STATIC_URL", "/static/")  # a CDN in front, if any
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("DJANGO_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: press releases are small; anything larger is refused with a clear message.
MAX_RELEASE_BYTES = int(os.environ.get("MAX_RELEASE_BYTES", str(5 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_RELEASE_BYTES * 2
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_RELEASE_BYTES
DATA_UPLOAD_MAX_NUMBER_FILES = 200

DATA_DUMPS_DIR = Path(os.environ.get("DATA_DUMPS_DIR", BASE_DIR / "var" / "dumps"))
# Behind nginx: dump files are handed to it (X-Accel-Redirect to this internal location).
DATA_DUMPS_ACCEL_PREFIX = os.environ.get("DATA_DUMPS_ACCEL_PREFIX", "")

# The public address for links (permalinks, feeds, API, citations). Unset: the address of the
# request being answered (commands without a request use FALLBACK_SITE_URL).
SITE_URL = os.environ.get("SITE_URL", "").rstrip("/")
FALLBACK_SITE_URL = "http://127.0.0.1:8000"

# The press.un.org harvester (statements/harvest): where, how politely, and who to contact.
HARVEST_BASE_URL = os.environ.get("HARVEST_BASE_URL", "https://press.un.org").rstrip("/")
HARVEST_CONTACT = os.environ.get("HARVEST_CONTACT", "")  # an e-mail or URL; the command needs it
HARVEST_DELAY = max(0.0, float(os.environ.get("HARVEST_DELAY", "2")))  # seconds between requests
HARVEST_TIMEOUT = float(os.environ.get("HARVEST_TIMEOUT", "30"))
HARVEST_RETRIES = int(os.environ.get("HARVEST_RETRIES", "4"))
HARVEST_BACKOFF = float(os.environ.get("HARVEST_BACKOFF", "5"))  # first retry wait, then doubled
HARVEST_MAX_WAIT = float(os.environ.get("HARVEST_MAX_WAIT", "600"))  # longest single wait
# One deadline per fetch, retries and waits included: the harvester's, the admin address field's.
HARVEST_DEADLINE = float(os.environ.get("HARVEST_DEADLINE", "300"))
HARVEST_ADMIN_DEADLINE = float(os.environ.get("HARVEST_ADMIN_DEADLINE", "20"))
# Hosts the admin's "press.un.org address" field may fetch from (the command fetches any --url).
HARVEST_ADMIN_HOSTS = env_list("HARVEST_ADMIN_HOSTS") or ["press.un.org", "www.un.org", "un.org"]

# The default cache holds the rate-limit counters: shared across processes and machines when
# CACHE_URL names Redis or memcached, else per process.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith("redis://"):  # the supported shared cache (redis is a dependency)
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "TIMEOUT": 3600,
        }
    }
elif CACHE_URL.startswith("memcached://"):  # needs `pip install pymemcache` (not shipped)
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": CACHE_URL.removeprefix("memcached://"),
            "TIMEOUT": 3600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "unarchive",
        }
    }

# Pages and per-commit results (statements/views/page_cache.py, statements/search/index/memo.py)
# have a cache of their own in each process: however many pages are kept, they never push the
# rate-limit counters (in "default") out. Keyed by the index's version, they need no sharing.
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "unarchive-pages",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "2000"))},
}
RATELIMIT_USE_CACHE = "default"

# Security: sensible production defaults, relaxed only when DEBUG is on.
# The X-Forwarded-Proto header is believed only behind a proxy that sets it (the compose file's
# nginx does); otherwise any client could claim HTTPS.
if env_bool("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# HSTS: one hour by default, so a mistake can be undone; raise it once HTTPS is settled.
# includeSubDomains and preload bind every subdomain (and, preloaded, every browser for months):
# both are opt-in.
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "3600"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: scripts, styles and images from this site only; no inline script.
# (JSON-LD citation blocks are data, not script, and are not blocked.)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if STATIC_URL.startswith(("http://", "https://", "//")):  # static files from a CDN
    for directive in ("script-src", "style-src", "img-src", "font-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"].setdefault(directive, ["'self'"]).append(STATIC_URL)

# Rate limits per client address (django-ratelimit), answered with 429 and Retry-After.
# Counters live in the default cache: per process unless CACHE_URL names a shared cache.
RATELIMIT_ENABLE = env_bool("DJANGO_RATELIMIT_ENABLE", default=True)
RATELIMIT_RATES = {
    "search": os.environ.get("RATELIMIT_SEARCH", "30/m"),
    "api": os.environ.get("RATELIMIT_API", "120/m"),
    "feeds": os.environ.get("RATELIMIT_FEEDS", "30/m"),
    "exports": os.environ.get("RATELIMIT_EXPORTS", "10/m"),
    "login": os.environ.get("RATELIMIT_LOGIN", "5/m"),  # failed logins per address and username
    "login_address": os.environ.get("RATELIMIT_LOGIN_ADDRESS", "20/m"),  # failed, per address
}
# Requests of one group one client may have running at once.
RATELIMIT_CONCURRENT = int(os.environ.get("RATELIMIT_CONCURRENT", "1"))
# Where running requests are counted, so that every worker sees them: "database" (PostgreSQL
# session advisory locks) or "cache" (exact only with a shared CACHE_URL). The cache is the
# default with CACHE_URL, and behind PgBouncer in transaction mode, where a session lock could
# stay on a pooled server connection.
RATELIMIT_CONCURRENCY_COUNTER = os.environ.get(
    "RATELIMIT_CONCURRENCY_COUNTER",
    "cache" if CACHE_URL or env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS") else "database",
)
# A refusal is answered after this many seconds, in at most this many threads per process at
# once (others at once; half of GUNICORN_THREADS leaves the other half to everyone else): a
# client that asks again as soon as it is refused then costs little CPU (config/limits.py).
RATELIMIT_REFUSAL_DELAY = float(os.environ.get("RATELIMIT_REFUSAL_DELAY", "1"))
RATELIMIT_DELAYED_PER_PROCESS = int(os.environ.get("RATELIMIT_DELAYED_PER_PROCESS", "4"))
# Behind the front server, the client's address is its X-Real-IP (never set by the client);
# None is django-ratelimit's own default: REMOTE_ADDR.
RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP" if env_bool("DJANGO_BEHIND_PROXY") else None
# Streaming exports at a time per process: slow readers cannot hold every worker thread.
EXPORTS_PER_PROCESS = int(os.environ.get("EXPORTS_PER_PROCESS", "2"))
# Bytes an export, a dump or a decision table gathers before it sends them on as one chunk.
EXPORT_FLUSH_BYTES = int(os.environ.get("EXPORT_FLUSH_BYTES", str(256 * 1024)))
# The locmem cache counts per process (limits are then per worker): accepted, documented.
# HSTS includeSubDomains (W005) and preload (W021) are opt-in on purpose, see above.
SILENCED_SYSTEM_CHECKS = [
    "django_ratelimit.E003",
    "django_ratelimit.W001",
    "security.W005",
    "security.W021",
]

# PostgreSQL statement timeouts: a public request's query is cancelled after this long (ms);
# staff and commands are not limited; an export's single long COPY has its own limit.
ANONYMOUS_STATEMENT_TIMEOUT_MS = int(os.environ.get("ANONYMOUS_STATEMENT_TIMEOUT_MS", "5000"))
EXPORT_STATEMENT_TIMEOUT_MS = int(os.environ.get("EXPORT_STATEMENT_TIMEOUT_MS", "600000"))

# DJANGO_LOG_LEVEL is the handler's level too: Django's own loggers (django.request's 4xx
# warnings) set their levels and would pass a root level by. Refused requests (429) are not
# logged: the access log has them, and a flood would write one warning per refusal.
_log_level = os.environ.get("DJANGO_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"not_a_refusal": {"()": "config.log_filters.NotARefusal"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "level": _log_level,
            "filters": ["not_a_refusal"],
        }
    },
    "root": {"handlers": ["console"], "level": _log_level},
    "loggers": {"pgserver": {"level": "WARNING"}},
}

# E-mail (alerts): the console in development, SMTP in production (EMAIL_HOST ...); the tests
# use Django's locmem backend. EMAIL_BACKEND overrides the choice.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG and not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=not EMAIL_USE_SSL)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "UN Statements Archive <alerts@localhost>"
)
# Subscription requests one client address may make an hour (each may send one confirmation).
ALERTS_PER_CLIENT_PER_HOUR = int(os.environ.get("ALERTS_PER_CLIENT_PER_HOUR", "5"))
