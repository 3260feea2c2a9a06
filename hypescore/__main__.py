"""``python -m hypescore`` runs the command line."""

from hypescore.cli import main

if __name__ == "__main__":
    main(prog_name="hypescore")
