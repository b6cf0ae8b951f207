"""Data out: the JSON API, exports, the dump, feeds, sitemaps, citations."""
