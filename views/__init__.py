"""The only package that imports flet: screens, shared widgets, the app shell."""
