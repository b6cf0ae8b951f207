"""URLs of the research tools' pages: /alignment/<tool>/, in every interface language (the pair
tool, the first, at /alignment/ itself)."""

from django.urls import path

from statements.alignment import views

app_name = "alignment"

urlpatterns = [
    path("alignment/" if tool == "pair" else f"alignment/{tool}/", views.page, {"tool": tool},
         name=tool)
    for tool in views.TOOLS
]  # fmt: skip
