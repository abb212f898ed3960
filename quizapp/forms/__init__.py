"""Forms by area (WTForms through Flask-WTF, so every POST carries a CSRF token).

They check what a form alone can check; the domain functions the views call check the rest.
"""
