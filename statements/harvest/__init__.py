"""Harvest Meetings Coverage releases from press.un.org, politely, into the one ingest path."""
