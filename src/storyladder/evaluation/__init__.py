"""Measuring the coach on labelled corpora written by many authors (docs/coach.md)."""
