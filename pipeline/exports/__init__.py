"""What people read and correct: the HTML review, the toezeggingen CSV, Label Studio tasks."""
