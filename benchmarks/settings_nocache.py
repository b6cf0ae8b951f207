"""The settings with Django's caches off (dummy backends).

The real settings keep public pages until the index's next commit (statements/views/page_cache.py)
and memoize per-commit results (statements/search/index/memo.py), both in the "pages" cache. Off
here, every request pays for its engine passes and queries, as a search nobody ran since the
index's last commit does; search_mix.py's "cached" column is the same URL with the real settings.
"""

from config import settings as _project

globals().update({name: value for name, value in vars(_project).items() if name.isupper()})

DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
CACHES = {"default": DUMMY, "pages": DUMMY}
