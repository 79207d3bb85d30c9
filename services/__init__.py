"""Everything the app knows how to do. Pure Python: never imports flet or views."""
