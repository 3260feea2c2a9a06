"""Reports a person looks at: one article's evidence, or one story across outlets."""

from hypescore.report.explain_page import render_report
from hypescore.report.story_page import render_story
from hypescore.report.story_text import format_story

__all__ = ["format_story", "render_report", "render_story"]
