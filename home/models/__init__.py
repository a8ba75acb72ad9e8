from home.models.pages import ContentPage, HomePage

__all__ = ["ContentPage", "HomePage"]
