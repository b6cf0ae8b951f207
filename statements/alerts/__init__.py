"""E-mail alerts: subscriptions to a search, a speaker, a delegation or a theme, without an
account; double opt-in, signed one-click unsubscribe, daily or weekly digests of what is new.

`models` the subscription, `forms` what the form accepts, `limits` who may ask for mail,
`tokens` the signed links, `targets` what a subscription follows and finds, `mail` the messages,
`views` the pages, `management/commands/send_alert_digests` the digests.
"""
