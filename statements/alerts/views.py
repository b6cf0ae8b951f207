"""Thin views: the form, confirm and unsubscribe (each a page with a button; POST acts)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from config.limits import client_address
from statements.alerts import limits, mail, targets, tokens
from statements.alerts.forms import SubscribeForm
from statements.alerts.models import Subscription


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        form = SubscribeForm(
            initial={k: v for k, v in request.GET.items() if k in SubscribeForm.base_fields}
        )
        return render(request, "alerts/subscribe.html", {"form": form})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {"form": form}, status=400)
    data = form.cleaned_data
    if data.get("website"):  # the honeypot: answer as if sent, send nothing
        return render(request, "alerts/pending.html")
    requester = limits.requester_key(client_address(request))
    email = data["email"].strip()
    refused = limits.refusal(email=email, requester=requester)
    if refused:
        return render(
            request, "alerts/subscribe.html", {"form": form, "refused": refused}, status=429
        )
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=email,
            query=data["query"],
            frequency=data["frequency"],
            defaults={"kind": data["kind"], "label": data["label"], "requester": requester},
        )
        if subscription.confirmed_at is None:
            if not created:
                subscription.created_at, subscription.requester = timezone.now(), requester
                subscription.save(update_fields=["created_at", "requester"])
            mail.confirmation(subscription).send()
    # The same answer whether or not the address was subscribed already.
    return render(request, "alerts/pending.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = tokens.read(token, tokens.CONFIRM)
    if subscription is None:
        return render(request, "alerts/invalid.html", status=404)
    if request.method == "POST" and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.seen_statement_id = targets.newest_id()
        subscription.save(update_fields=["confirmed_at", "seen_statement_id"])
    context = {
        "subscription": subscription,
        "unsubscribe_url": mail.unsubscribe_url(subscription),
    }
    template = "alerts/confirmed.html" if subscription.confirmed_at else "alerts/confirm.html"
    return render(request, template, context)


@csrf_exempt  # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" without a form
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = tokens.read(token, tokens.UNSUBSCRIBE)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return render(request, "alerts/unsubscribed.html")
    if subscription is None:
        return render(request, "alerts/unsubscribed.html")
    return render(request, "alerts/unsubscribe.html", {"subscription": subscription})
