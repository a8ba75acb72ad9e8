"""CONNECT's seed content (connect.json) and what turns it into pages, forms and resources."""
