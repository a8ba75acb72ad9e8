"""The shared API pieces: v2 endpoints, images, summaries, site settings, previews, the guard."""
