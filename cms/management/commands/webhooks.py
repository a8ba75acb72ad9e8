"""Webhook subscribers from a script: add, list, remove, rotate a secret, send a test notice,
and prune the delivery log."""

from argparse import ArgumentTypeError
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.webhooks.catalogue import EVENTS
from cms.webhooks.events import send_test
from cms.webhooks.models import Delivery, Subscriber


def positive_days(value):
    if not value.isdigit() or int(value) < 1:
        raise ArgumentTypeError(
            f"--days must be a whole number of days, at least 1, not {value!r}."
        )
    return int(value)


class Command(BaseCommand):
    help = (
        "Manage webhook subscribers: `add URL [--event NAME ...]` (prints the new secret on its "
        "last line), `list`, `remove URL`, `rotate URL` (prints the new secret), `test URL`, "
        "`prune [--days 30]` (the delivery log's old entries)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        add = actions.add_parser("add", help="Subscribe an address; prints its secret last.")
        add.add_argument("url")
        add.add_argument(
            "--event",
            action="append",
            default=[],
            dest="events",
            metavar="NAME",
            help=f"A kind of change to send (repeat for more; none: all). Known: {', '.join(sorted(EVENTS))}.",
        )
        add.add_argument("--description", default="", help="Whose site this is.")
        actions.add_parser("list", help="The subscribers, their kinds of change and state.")
        prune = actions.add_parser("prune", help="Delete finished deliveries older than --days.")
        prune.add_argument("--days", type=positive_days, default=30, help="Default 30.")
        for name, text in (
            ("remove", "Unsubscribe an address (its delivery log goes too)."),
            ("rotate", "A new secret; the old one keeps signing for a day. Prints the new one."),
            ("test", "Send a test notice (webhook.test) to an address."),
        ):
            actions.add_parser(name, help=text).add_argument("url")

    def handle(self, action, **options):
        getattr(self, action)(**options)

    def add(self, url, events, description, **options):
        subscriber = Subscriber(url=url, events=sorted(set(events)), description=description)
        try:
            subscriber.full_clean()
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        subscriber.save()
        self.stdout.write(f"Subscribed {url} to {', '.join(subscriber.events) or 'every change'}.")
        self.stdout.write("Its secret (shown only now; the receiver verifies with it):")
        self.stdout.write(subscriber.secret)

    def list(self, **options):
        subscribers = Subscriber.objects.all()
        if not subscribers:
            self.stdout.write("No webhook subscribers.")
        for subscriber in subscribers:
            state = (
                f"paused: {subscriber.paused_reason or 'by hand'}"
                if subscriber.paused
                else "active"
            )
            events = ",".join(subscriber.events) or "*"
            self.stdout.write(f"{subscriber.url}\t{events}\t{state}")

    def remove(self, url, **options):
        self.subscriber(url).delete()
        self.stdout.write(f"Removed {url}.")

    def rotate(self, url, **options):
        secret = self.subscriber(url).rotate_secret()
        self.stdout.write("New secret (the old one also signs for a day):")
        self.stdout.write(secret)

    def test(self, url, **options):
        delivery = send_test(self.subscriber(url))
        self.stdout.write(f"Test notice {delivery.message_id} queued for {url}.")

    def prune(self, days, **options):
        before = timezone.now() - timedelta(days=days)
        finished = Delivery.objects.exclude(status=Delivery.PENDING).filter(created_at__lt=before)
        count, _ = finished.delete()
        self.stdout.write(f"Deleted {count} deliveries and attempts older than {days} days.")

    def subscriber(self, url):
        try:
            return Subscriber.objects.get(url=url)
        except Subscriber.DoesNotExist:
            raise CommandError(f"No webhook subscriber has the address {url}.") from None
