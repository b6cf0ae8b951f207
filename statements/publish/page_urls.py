"""URLs of the pages about data out, in every interface language: /data/ and the API's
documentation (/fr/data/, /fr/data/api/); the files they point to keep one address."""

from django.urls import path

from statements.publish import dump

app_name = "data-pages"

urlpatterns = [
    path("data/", dump.download_page, name="download"),
    path("data/api/", dump.api_docs, name="api-docs"),
]
