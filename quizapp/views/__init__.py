"""Thin request handlers: parse the request, call the domain, render a template."""
