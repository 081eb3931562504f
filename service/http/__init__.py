"""The HTTP layer: the only package that imports Flask or flask-smorest."""
