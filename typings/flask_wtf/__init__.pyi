# Flask-WTF ships no type hints: the parts of it quizapp uses, over types-wtforms.
from flask_wtf.csrf import CSRFProtect as CSRFProtect
from flask_wtf.form import FlaskForm as FlaskForm

__all__ = ["CSRFProtect", "FlaskForm"]
