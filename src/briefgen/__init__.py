"""briefgen: bilingual, print-ready PDF policy briefs from YAML content and gettext catalogs."""

__version__ = "0.1.0"
