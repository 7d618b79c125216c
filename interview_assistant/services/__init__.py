"""The one API every front end calls: the data folder, an opened audit, its review, the demo."""
