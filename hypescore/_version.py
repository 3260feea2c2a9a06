"""The package version, in a leaf module so no submodule imports the package face."""

__version__ = "0.1.0"
