"""Error reports that leave out what visitors wrote (DEFAULT_EXCEPTION_REPORTER_FILTER)."""

from django.views.debug import SafeExceptionReporterFilter


class VisitorAnswersFilter(SafeExceptionReporterFilter):
    """For a post to a public page, every posted value and every local variable is hidden.

    A visitor's post is a form's answers or a newsletter signup, and a variable anywhere in the
    traceback (the form, its cleaned data, the email being sent) may hold them.
    """

    def get_post_parameters(self, request):
        if self.hides_everything(request):
            return {name: self.cleansed_substitute for name in request.POST}
        return super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        if self.hides_everything(request):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)

    def hides_everything(self, request):
        return (
            self.is_active(request)
            and request is not None
            and request.method == "POST"
            and not request.path_info.startswith("/admin/")
        )
