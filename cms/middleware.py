"""The 503 page while the database is down."""

from cms.views import database_is_down, database_unavailable


class DatabaseUnavailableMiddleware:
    """Turns a view's database error into the 503 page when the database itself is down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_is_down(exception):
            return database_unavailable(request)
        return None
