"""Parsing rules as data: label tables, synonym lists, heading patterns and markers.

Each module holds literal data only; the code that uses it lives in service/parsing/.
A new label variant seen in a real report is a one-line change here plus a test row.
"""
