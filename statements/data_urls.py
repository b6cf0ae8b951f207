"""URLs of data out: exports, the JSON API, feeds, the full dump, sitemap and robots."""

app_name = "data"

urlpatterns: list = []
