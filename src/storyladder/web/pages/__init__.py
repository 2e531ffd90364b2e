"""The multi-user server's pages: login and password reset, a candidate's stories,
practice, dashboard and plan, a coach's review and cohort dashboard.

Server-rendered over the same store functions as the JSON API (web/api/); every change
but logging in is made by the page's script through that API, with the session cookie and
the login's CSRF token (static/cohort.js). The login form is a plain POST that works
without JavaScript (pages/login.py).
"""
