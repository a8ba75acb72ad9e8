"""Answer with a plain 503 page, not a traceback or a 500, while the database cannot be reached."""

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from cms.views import database_unavailable


def database_is_reachable():
    """Whether a fresh connection to the database can be opened right now."""
    probe = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        probe.ensure_connection()
    except DatabaseError:
        return False
    finally:
        probe.close()
    return True


class DatabaseUnavailableMiddleware:
    """Turns a view's database error into the 503 page when the database itself is down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError) and not database_is_reachable():
            return database_unavailable(request)
        return None
