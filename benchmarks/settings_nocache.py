"""The settings with caching off: every request pays for its queries, as a new search does.

The site caches facet counts, totals and charts per process for a few minutes, so a repeated URL
is cheap; researchers mostly run searches nobody ran in the last minutes. search_mix.py measures
with this module, then repeats with the real settings to show what the cache buys.
"""

from config import settings as _project

globals().update({name: value for name, value in vars(_project).items() if name.isupper()})

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
