"""The multi-user server's pages: login, a candidate's stories, a coach's review.

Server-rendered over the same store functions as the JSON API (web/api/); every change
is made by the page's script through that API, with the session cookie and the login's
CSRF token (static/cohort.js).
"""
