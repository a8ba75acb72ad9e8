from contact.models.newsletter import NewsletterPage, NewsletterSubscriber
from contact.models.pages import FormField, FormPage

__all__ = ["FormField", "FormPage", "NewsletterPage", "NewsletterSubscriber"]
