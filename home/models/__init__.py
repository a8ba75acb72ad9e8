from home.models.pages import ContentPage, HomePage
from home.models.partners import Partner

__all__ = ["ContentPage", "HomePage", "Partner"]
