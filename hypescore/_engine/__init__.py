"""The engine room: exact, fast re-implementations (VADER, textstat readability,
syllables) and the shared token index and phrase finders. Private: nothing here is API.
"""
