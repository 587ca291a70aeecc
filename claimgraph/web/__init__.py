"""Web: the JSON API (and, later, the workbench) served by FastAPI."""
