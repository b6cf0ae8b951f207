"""Admin for themes: rules edited inline and checked, a preview of unsaved rule edits, re-tagging,
and a review list of every tag with where it came from (rule, agenda, staff)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html

from statements.search.index import outbox as search_outbox
from statements.search.index.admin_changes import RecordsSearchChanges
from statements.themes.models import StatementTheme, Theme, ThemeRule
from statements.themes.preview import RuleSpec, preview_rules
from statements.themes.rules import check_query
from statements.themes.tagging import effective_counts, effective_tags, retag


class ThemeRuleForm(forms.ModelForm):
    """A rule whose queries must be able to match something."""

    class Meta:
        model = ThemeRule
        fields = ["query", "requires", "note", "is_active"]
        widgets = {
            "query": forms.TextInput(attrs={"size": 60}),
            "requires": forms.TextInput(attrs={"size": 40}),
            "note": forms.TextInput(attrs={"size": 25}),
        }

    def clean_query(self) -> str:
        return _checked(self.cleaned_data["query"])

    def clean_requires(self) -> str:
        value = self.cleaned_data.get("requires", "")
        return _checked(value) if value.strip() else ""


def _checked(query: str) -> str:
    """Return the query stripped, or raise the database's objection to it."""
    query = query.strip()
    errors = check_query(query).errors
    if errors:
        raise ValidationError(list(errors))
    return query


class ThemeRuleInline(admin.TabularInline):
    model = ThemeRule
    form = ThemeRuleForm
    extra = 1
    fields = ["query", "requires", "note", "is_active", "tagged"]
    readonly_fields = ["tagged"]

    def get_queryset(self, request: HttpRequest):
        tagged = Count("statementtheme", filter=Q(statementtheme__source="rule"))
        return super().get_queryset(request).annotate(tagged_count=tagged)

    @admin.display(description="Statements tagged (as first matching rule)")
    def tagged(self, rule: ThemeRule) -> int | str:
        return getattr(rule, "tagged_count", "–") if rule.pk else "–"


@admin.register(Theme)
class ThemeAdmin(RecordsSearchChanges, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "position", "rule_count", "statement_count"]
    list_filter = [("parent", admin.EmptyFieldListFilter), "parent"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "description", "rules__query"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["tag_summary"]
    fields = ["name", "slug", "parent", "position", "description", "tag_summary"]
    inlines = [ThemeRuleInline]
    actions = ["retag_selected"]
    change_form_template = "admin/themes/theme/change_form.html"

    def search_changes(self, theme: Theme) -> dict:
        """The statements tagged with the theme or its children: the index holds their slugs."""
        tagged = StatementTheme.objects.filter(Q(theme=theme) | Q(theme__parent=theme))
        return {"statement_ids": list(tagged.values_list("statement_id", flat=True))}

    def get_queryset(self, request: HttpRequest):
        counts = (
            effective_tags()
            .filter(theme=OuterRef("pk"))
            .order_by()
            .values("theme")
            .annotate(n=Count("statement", distinct=True))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                statements_n=Coalesce(Subquery(counts, output_field=IntegerField()), 0),
                rules_n=Count("rules", filter=Q(rules__is_active=True), distinct=True),
            )
            .distinct()
        )

    @admin.display(description="Active rules", ordering="rules_n")
    def rule_count(self, theme: Theme) -> int:
        return theme.rules_n

    @admin.display(description="Statements", ordering="statements_n")
    def statement_count(self, theme: Theme) -> str:
        return f"{theme.statements_n:,}"

    @admin.display(description="Tags")
    def tag_summary(self, theme: Theme) -> str:
        if not theme.pk:
            return "–"
        by_source = dict(
            theme.statement_tags.values_list("source").annotate(n=Count("id")).order_by()
        )
        removed = theme.statement_tags.filter(is_removal=True).count()
        url = reverse("admin:themes_statementtheme_changelist") + f"?theme__id__exact={theme.pk}"
        carried = effective_counts([theme]).get(theme.pk, 0)
        return format_html(
            "{} statement{} carry this theme (rule rows {}, agenda rows {}, staff rows {}, "
            "of which {} removals). <a href='{}'>Review the tags</a>",
            f"{carried:,}",
            "" if carried == 1 else "s",
            by_source.get("rule", 0),
            by_source.get("agenda", 0),
            by_source.get("staff", 0),
            removed,
            url,
        )

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        """Save the rules, then re-tag the theme if they changed, so tags never go stale."""
        super().save_related(request, form, formsets, change)
        if any(fs.model is ThemeRule and fs.has_changed() for fs in formsets):
            before = effective_counts([form.instance]).get(form.instance.pk, 0)
            retag(themes=[form.instance])
            after = effective_counts([form.instance]).get(form.instance.pk, 0)
            self.message_user(
                request,
                f"Rules changed: re-tagged “{form.instance}”: {before:,} → {after:,} statements.",
                messages.SUCCESS,
            )

    @admin.action(description="Re-tag selected themes from their rules", permissions=["change"])
    def retag_selected(self, request: HttpRequest, queryset) -> None:
        themes = list(queryset)
        result = retag(themes=themes)
        self.message_user(
            request,
            f"Re-tagged {len(themes)} theme(s) in {result.seconds:.1f} s: "
            f"{result.added:,} tags added, {result.removed:,} removed "
            f"({result.rule_tags:,} from rules, {result.agenda_tags:,} from meeting agendas).",
            messages.SUCCESS,
        )

    def get_urls(self):
        preview = self.admin_site.admin_view(self.preview_view)
        return [
            path("<path:object_id>/preview/", preview, name="themes_theme_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Show what the rules in the submitted (unsaved) change form would tag."""
        theme = self.get_object(request, unquote(object_id))
        if theme is None:
            raise Http404("No such theme.")
        if request.method != "POST" or not self.has_change_permission(request, theme):
            raise PermissionDenied
        preview = preview_rules(theme, submitted_rules(self, request, theme))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": theme,
            "title": f"Preview of rule changes: {theme}",
            "preview": preview,
        }
        return render(request, "admin/themes/theme/preview.html", context)


def submitted_rules(model_admin: ThemeAdmin, request: HttpRequest, theme: Theme) -> list[RuleSpec]:
    """The theme's rules as edited in the submitted change form, deleted rows left out."""
    inline = next(
        i for i in model_admin.get_inline_instances(request, theme) if i.model is ThemeRule
    )
    formset_class = inline.get_formset(request, theme)
    formset = formset_class(request.POST, instance=theme, prefix=formset_class.get_default_prefix())
    specs = []
    for form in formset.forms:
        if "DELETE" in form.fields and form["DELETE"].value():
            continue
        query = (form["query"].value() or "").strip()
        if query:
            requires = (form["requires"].value() or "").strip()
            specs.append(RuleSpec(query, requires, bool(form["is_active"].value())))
    return specs


class StaffTagForm(forms.ModelForm):
    """A tag staff add or remove; automatic tags are shown, not edited (re-tagging owns them)."""

    class Meta:
        model = StatementTheme
        fields = ["statement", "theme", "is_removal"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.source != StatementTheme.Source.STAFF:
            for item in self.fields.values():
                item.disabled = True

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.instance.pk:
            self.instance.source = StatementTheme.Source.STAFF
            self._refuse_duplicate(cleaned)
        return cleaned

    def _refuse_duplicate(self, cleaned: dict) -> None:
        """One staff row per statement and theme: say so instead of failing on the constraint."""
        statement_id = getattr(cleaned.get("statement"), "pk", None) or self.instance.statement_id
        theme = cleaned.get("theme")
        staff = StatementTheme.objects.filter(
            statement_id=statement_id, theme=theme, source=StatementTheme.Source.STAFF
        )
        if theme and statement_id and staff.exists():
            raise ValidationError(
                f"Staff already tagged this statement with “{theme}”: change that row instead."
            )


@admin.register(StatementTheme)
class StatementThemeAdmin(RecordsSearchChanges, admin.ModelAdmin):
    def search_changes(self, obj) -> dict:
        return {"statement_ids": [obj.statement_id]}

    """Every tag, filterable by theme and source: the review list linked from each theme."""

    form = StaffTagForm
    list_display = [
        "id",
        "statement_link",
        "theme",
        "source",
        "rule_query",
        "is_removal",
        "meeting",
    ]
    list_display_links = ["id"]
    list_filter = ["source", "is_removal", "theme"]
    list_select_related = ["statement__meeting__body", "theme", "rule"]
    raw_id_fields = ["statement"]
    readonly_fields = ["source", "rule_query"]
    search_fields = ["statement__delegation_label", "statement__speaker_label", "theme__name"]
    show_full_result_count = False
    actions = ["mark_wrong", "confirm"]

    @admin.display(description="Statement", ordering="statement_id")
    def statement_link(self, tag: StatementTheme) -> str:
        url = reverse("admin:statements_statement_change", args=[tag.statement_id])
        return format_html("<a href='{}'>#{} {}</a>", url, tag.statement_id, tag.statement)

    @admin.display(description="Meeting")
    def meeting(self, tag: StatementTheme) -> str:
        return str(tag.statement.meeting)

    @admin.display(description="Rule")
    def rule_query(self, tag: StatementTheme) -> str:
        return rule_text(tag)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        automatic = obj is not None and obj.source != StatementTheme.Source.STAFF
        return not automatic and super().has_change_permission(request, obj)

    def has_staff_tag_permission(self, request: HttpRequest) -> bool:
        """Staff tags are added and changed by these actions: both permissions are needed."""
        return self.has_add_permission(request) and super().has_change_permission(request)

    @admin.action(
        description="Not this theme: add a staff removal for the selected tags",
        permissions=["staff_tag"],
    )
    def mark_wrong(self, request: HttpRequest, queryset) -> None:
        self._write_staff(request, queryset, is_removal=True)

    @admin.action(
        description="Confirm: add a staff tag for the selected tags",
        permissions=["staff_tag"],
    )
    def confirm(self, request: HttpRequest, queryset) -> None:
        self._write_staff(request, queryset, is_removal=False)

    def _write_staff(self, request: HttpRequest, queryset, *, is_removal: bool) -> None:
        """Create or flip the staff row of each selected (statement, theme)."""
        pairs = set(queryset.values_list("statement_id", "theme_id"))
        for statement_id, theme_id in pairs:
            StatementTheme.objects.update_or_create(
                statement_id=statement_id,
                theme_id=theme_id,
                source=StatementTheme.Source.STAFF,
                defaults={"is_removal": is_removal, "rule": None},
            )
        search_outbox.record(statement_ids=[s for s, _ in pairs])
        verb = "removed from" if is_removal else "confirmed on"
        self.message_user(request, f"Theme {verb} {len(pairs)} statement(s) by staff.")


class StatementThemeTagInline(admin.TabularInline):
    """Tags on a statement: automatic rows read-only, staff rows added or removed here.

    For StatementAdmin.inlines (statements/admin/models_admin.py) in place of the plain inline.
    """

    model = StatementTheme
    form = StaffTagForm
    extra = 0
    fields = ["theme", "source", "rule_query", "is_removal"]
    readonly_fields = ["source", "rule_query"]
    verbose_name = "theme tag"
    verbose_name_plural = "theme tags (rule and agenda tags are automatic; add staff tags here)"

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("theme", "rule")

    @admin.display(description="Rule")
    def rule_query(self, tag: StatementTheme) -> str:
        return rule_text(tag)


def rule_text(tag: StatementTheme) -> str:
    """The rule that made an automatic tag, as staff wrote it ("–" for staff tags)."""
    if tag.rule_id is None:
        return "–"
    extra = f" AND ({tag.rule.requires})" if tag.rule.requires else ""
    return f"{tag.rule.query}{extra}"
