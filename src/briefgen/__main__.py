"""`python -m briefgen`: the same command as `briefgen`."""
import sys

from briefgen.cli import main

if __name__ == "__main__":
    sys.exit(main())
