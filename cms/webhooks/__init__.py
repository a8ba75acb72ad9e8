"""Signed webhooks: other sites are told, within seconds, that content they show changed.

- `models`: subscribers (address, chosen kinds of change, secret and its rotation), deliveries
  and each attempt at one (the delivery log).
- `events`: the kinds of change, and `announce()`, the one function apps call (after commit).
- `site_content`: the shared app's own announcements (pages, site settings).
- `delivery`: signing (Standard Webhooks), sending, retries with backoff, never losing one.
- `addresses`: which addresses may subscribe (public https ones, unless allowed).
- `admin`: the admin's screens, and the dashboard panel of paused subscribers.

See docs/webhooks.md.
"""
