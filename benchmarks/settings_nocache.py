"""The settings with Django's cache off (a dummy backend).

Searches no longer use the cache (facet counts and totals come from the search index), so this
measures the same pages as the real settings; search_mix.py still runs both, and a difference
between its "cached" column and the others shows something started caching again.
"""

from config import settings as _project

globals().update({name: value for name, value in vars(_project).items() if name.isupper()})

DUMMY = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
CACHES = {"default": DUMMY, "pages": DUMMY}
