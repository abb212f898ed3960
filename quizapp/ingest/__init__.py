"""Bringing articles in: reading files, fetching or parsing pages, and storing an article with
its facts, questions and quiz once per distinct text."""
